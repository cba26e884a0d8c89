import { atom } from "nanostores";
import { type ApiError, redeemReward } from "../api.ts";
import { emit } from "./events.ts";
import { setBalance } from "./payload.ts";

export interface RedeemState {
  rewardId: string;
  step: "confirm" | "busy" | "done" | "failed";
  /** One key per attempt: a retry of the same attempt reuses it, so it can never spend twice. */
  key: string;
  code?: string;
  expiresAt?: string;
  error?: ApiError;
}

/** The redemption in progress (at most one), or null. */
export const $redeem = atom<RedeemState | null>(null);

const newKey = () => crypto.randomUUID();

/** Asks to confirm redeeming a reward. */
export const askRedeem = (rewardId: string) => $redeem.set({ rewardId, step: "confirm", key: newKey() });

export const cancelRedeem = () => $redeem.set(null);

/** Redeems the reward being confirmed (or retries the failed attempt with the same key). */
export async function confirmRedeem() {
  const state = $redeem.get();
  // the redeem button is disabled while busy and gone once done: only a confirm or a retry gets here
  if (!state) return;
  $redeem.set({ ...state, step: "busy", error: undefined });
  const result = await redeemReward(state.rewardId, state.key);
  if ($redeem.get()?.key !== state.key) return;
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
