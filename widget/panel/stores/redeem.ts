import type { Reward } from "../../../contract/program.ts";
import type { Redemption } from "../../../contract/widget.ts";
import { schemas } from "../../schema/panel.ts";
import type { ApiError, PanelHost } from "../../seam.ts";
import { checked, post, unknownOutcome } from "../api.ts";

export interface RedeemState {
  rewardId: string;
  step: "confirm" | "busy" | "done" | "failed";
  /** One key per attempt: a retry of the same attempt reuses it, so it can never spend twice. */
  key: string;
  code?: string;
  expiresAt?: string;
  error?: ApiError;
}

/** A code redeemed in this page view: shown in the wallet at once, even before (or without) the boot answer's wallet saying so. */
export interface RedeemedCode {
  code: string;
  reward: Reward;
  expiresAt: string;
}

/**
 * Redemptions: at most one on screen (`$redeem`). Cancelling one in flight only hides it: the request goes on, and a code it
 * brings lands in the wallet (`$redeemed`, then the reloaded boot answer), so spent points never lose their code; the page hears
 * `redeemed` once per attempt, retries included.
 */
export function createRedeem(host: PanelHost) {
  const $redeem = host.store<RedeemState | null>(null);
  const $redeemed = host.store<RedeemedCode[]>([]);
  const announced = new Set<string>();
  /** Keys of attempts whose outcome is unknown (the answer was lost): asking for that reward again reuses the key. */
  const unsettled = new Map<string, string>();

  async function attempt(state: RedeemState, reward: Reward) {
    $redeem.set({ ...state, step: "busy", error: undefined });
    const result = checked(host, await post(host, "redemptions", { rewardId: state.rewardId }, { "Idempotency-Key": state.key }), schemas.Redemption);
    const current = $redeem.get()?.key === state.key;
    if (!result.ok) {
      const { error } = result;
      if (unknownOutcome.includes(error.code)) unsettled.set(state.rewardId, state.key);
      else unsettled.delete(state.rewardId);
      if (current) $redeem.set({ ...state, step: "failed", error });
      host.emit("error", error);
      // the answer may be lost after the endpoint redeemed: the boot answer's wallet then has the code
      void host.reload();
      return;
    }
    const { code, expiresAt, rewardId }: Redemption = result.data;
    unsettled.delete(state.rewardId);
    $redeemed.set([{ code, reward, expiresAt }, ...$redeemed.get()]);
    if (current) $redeem.set({ ...state, step: "done", code, expiresAt });
    if (!announced.has(state.key)) host.emit("redeemed", { rewardId, code, expiresAt });
    announced.add(state.key);
    // the balance, the progress and the wallet as the endpoint now has them
    void host.reload();
  }

  return {
    $redeem,
    $redeemed,
    /** Asks to confirm redeeming a reward (not while another is in flight). */
    ask(rewardId: string) {
      if ($redeem.get()?.step !== "busy") $redeem.set({ rewardId, step: "confirm", key: unsettled.get(rewardId) ?? crypto.randomUUID() });
    },
    /** Redeems the reward being confirmed, or retries the failed attempt with its key. */
    confirm(reward: Reward) {
      const state = $redeem.get();
      if (state && state.step !== "busy" && state.step !== "done") void attempt(state, reward);
    },
    cancel: () => $redeem.set(null),
    /** Another shopper (identify, logout): nothing of the last one's stays. */
    reset() {
      $redeem.set(null);
      $redeemed.set([]);
      unsettled.clear();
    },
  };
}
export type RedeemStore = ReturnType<typeof createRedeem>;
