import type { Reward } from "../../contract/program.ts";
import { cancelRedeem, confirmRedeem, type RedeemState } from "../stores/redeem.ts";
import { Code } from "./code.tsx";
import type { PanelProps } from "./panel.tsx";

const plainErrors = ["insufficient_points", "reward_unavailable", "network_error", "unauthorized"] as const;
const errorKey = (code: string) => plainErrors.find((key) => key === code) ?? "failed";
const retryable = new Set(["network_error", "internal_error", "rate_limited", "conflict"]);

/** Confirm, wait, then the code at once; a failure in plain words, with a retry that reuses the attempt's key. */
export function RedeemBox({ words, copied, reward, redeem }: PanelProps & { reward: Reward; redeem: RedeemState }) {
  if (redeem.step === "done" && redeem.code && redeem.expiresAt)
    return (
      <div class="c">
        <small>{words.t("code")}</small>
        <Code code={redeem.code} words={words} copied={copied === "code"} />
        <small>{words.t("expires", { t: words.date(redeem.expiresAt) })}</small>
      </div>
    );
  const error = redeem.error;
  return (
    <div class="c">
      {error ? (
        <p part="error" role="alert">
          {words.t(errorKey(error.code))}
        </p>
      ) : (
        <p>{words.t("confirm", { t: words.text(reward.title), p: reward.cost })}</p>
      )}
      <p class="w">
        {(!error || retryable.has(error.code)) && (
          <button type="button" part="redeem" class="a" disabled={redeem.step === "busy"} onClick={confirmRedeem}>
            {redeem.step === "busy" ? words.t("busy") : error ? words.t("retry") : words.t("yes")}
          </button>
        )}
        <button type="button" onClick={cancelRedeem}>
          {words.t("cancel")}
        </button>
      </p>
    </div>
  );
}
