import { date, points, t, text } from "../i18n/index.ts";
import { askRedeem, cancelRedeem, confirmRedeem, retryable } from "../stores/redeem.ts";
import type { View } from "../stores/view.ts";
import { Button, Code, Failure, Row } from "./bits.tsx";
import { describeOffer } from "./offer.ts";

/**
 * Every reward with its cost; members redeem the ones within reach and see what's missing for the rest. Redeeming asks to
 * confirm, waits (Cancel waits too: the answer may carry a code for points already spent), then shows the code at once; a failure
 * is said plainly (in the text for its code, where there is one), with a retry that reuses the attempt's key.
 */
export function Rewards({ payload, redeem, copied }: View) {
  const customer = payload.customer;
  return (
    <ul>
      {payload.program.rewards.map((reward) => {
        const error = redeem?.error;
        const busy = redeem?.step === "busy";
        return (
          <li key={reward.id} part="reward">
            <Row>
              <b>{text(reward.title)}</b>
              <span>{points(reward.cost)}</span>
            </Row>
            <small>{describeOffer(reward)}</small>
            {redeem?.rewardId === reward.id ? (
              <div class="c">
                {redeem.step === "done" && redeem.code && redeem.expiresAt ? (
                  <>
                    <small>{t("code")}</small>
                    <Code code={redeem.code} copied={copied} />
                    <small>{t("expires", { t: date(redeem.expiresAt) })}</small>
                  </>
                ) : (
                  <>
                    {error ? <Failure text={t(error.code) || t("failed")} /> : <p>{t("confirm", { t: text(reward.title), p: reward.cost })}</p>}
                    <Row>
                      {(!error || retryable.includes(error.code)) && (
                        <Button part="redeem" class="a" disabled={busy} onClick={confirmRedeem}>
                          {t(busy ? "busy" : error ? "retry" : "yes")}
                        </Button>
                      )}
                      <Button disabled={busy} onClick={cancelRedeem}>
                        {t("cancel")}
                      </Button>
                    </Row>
                  </>
                )}
              </div>
            ) : (
              customer &&
              (reward.cost <= customer.balance ? (
                <Button part="redeem" disabled={busy} onClick={() => askRedeem(reward.id)}>
                  {t("redeem")}
                </Button>
              ) : (
                <p>{t("missingShort", { p: reward.cost - customer.balance })}</p>
              ))
            )}
          </li>
        );
      })}
    </ul>
  );
}
