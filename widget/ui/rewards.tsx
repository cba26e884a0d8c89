import { askRedeem } from "../stores/redeem.ts";
import { describeOffer } from "./offer.ts";
import type { PanelProps } from "./panel.tsx";
import { RedeemBox } from "./redeem.tsx";

/** Every reward with its cost; members redeem the ones within reach and see what's missing for the rest. */
export function Rewards(props: PanelProps) {
  const { payload, words, redeem } = props;
  const customer = payload.customer;
  return (
    <ul>
      {payload.program.rewards.map((reward) => (
        <li key={reward.id} part="reward">
          <p class="w">
            <b>{words.text(reward.title)}</b>
            <span>{words.points(reward.cost)}</span>
          </p>
          <small>{describeOffer(reward, words)}</small>
          {redeem?.rewardId === reward.id ? (
            <RedeemBox {...props} reward={reward} redeem={redeem} />
          ) : (
            customer &&
            (reward.cost <= customer.balance ? (
              <button type="button" part="redeem" disabled={redeem?.step === "busy"} onClick={() => askRedeem(reward.id)}>
                {words.t("redeem")}
              </button>
            ) : (
              <p>{words.t("missingShort", { p: reward.cost - customer.balance })}</p>
            ))
          )}
        </li>
      ))}
    </ul>
  );
}
