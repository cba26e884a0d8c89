import { atom } from "nanostores";
import { type ApiError, redeemReward } from "../api.ts";
import { emit } from "./events.ts";
import { setBalance } from "./payload.ts";

export interface RedeemState {
  rewardId: string;
  step: "confirm" | "busy" | "done" | "failed";
  /** The attempt's key: a retry reuses it, so it can never spend twice. */
  key: string;
  code?: string;
  expiresAt?: string;
  error?: ApiError;
}

/** The redemption in progress (at most one), or null. */
export const $redeem = atom<RedeemState | null>(null);

/** Failures after which trying again may succeed; the others are the endpoint's final word. */
export const retryable = ["network_error", "internal_error", "rate_limited", "conflict"];

/**
 * Each reward's key until its attempt has a final answer. A failure such as a lost response may have spent the points: asking
 * for the same reward again (even after Cancel) reuses the key, and the endpoint answers the code it already issued. The endpoint
 * keeps keys per customer, so they outlive a change of token.
 */
const keys: Record<string, string> = {};

/** Asks to confirm redeeming a reward. */
export function askRedeem(rewardId: string) {
  keys[rewardId] ??= crypto.randomUUID();
  $redeem.set({ rewardId, step: "confirm", key: keys[rewardId] });
}

/** Cancel (disabled while a request is on its way: its answer will be shown whatever happens meanwhile). */
export const cancelRedeem = () => $redeem.set(null);

/**
 * Redeems the reward being confirmed (or retries the failed attempt with its key). The answer is shown whatever happened while it
 * was on its way: a code for spent points always reaches the screen and, once, the `redeemed` event.
 */
export async function confirmRedeem() {
  const state = $redeem.get();
  // the redeem button is disabled while busy and gone once done: only a confirm or a retry gets here
  if (!state) return;
  $redeem.set({ ...state, step: "busy", error: undefined });
  const result = await redeemReward(state.rewardId, state.key);
  if (result.ok || !retryable.includes(result.error.code)) delete keys[state.rewardId];
  if (!result.ok) {
    $redeem.set({ ...state, step: "failed", error: result.error });
    emit("error", result.error);
    return;
  }
  const { code, expiresAt, balance, rewardId } = result.data;
  $redeem.set({ ...state, step: "done", code, expiresAt });
  setBalance(balance);
  emit("redeemed", { rewardId, code, expiresAt });
}
