/** @jsxImportSource widget-dom */
import type { Reward } from "../../../contract/program.ts";
import type { RedeemState } from "../stores/redeem.ts";
import { unknownOutcome } from "../api.ts";
import type { View } from "../view.ts";
import { Bar, Button, Problem } from "./bits.tsx";
import { Icon, rewardIcon } from "./icons.tsx";
import { Raffles } from "./raffles.tsx";
import { CodeCard } from "./wallet.tsx";

/** Failures a retry with the same key can mend. */
const retryable = [...unknownOutcome, "rate_limited"];

/** A redemption on its reward's card: confirm (with what stays), busy, a failure said plainly with a retry, or the code at once. */
function Redemption({ view, reward, redeem }: { view: View; reward: Reward; redeem: RedeemState }) {
  const { words, stores, customer } = view;
  const { t, text } = words;
  if (redeem.step === "done" && redeem.code && redeem.expiresAt)
    return (
      <div class="celebrate">
        <p class="lead">
          <Icon name="check" />
          {t("reward.done")}
        </p>
        <CodeCard view={view} icon={rewardIcon(reward.kind)} code={redeem.code} expiresAt={redeem.expiresAt} reward={reward} />
      </div>
    );
  const { error } = redeem;
  const busy = redeem.step === "busy";
  return (
    <div class="confirm">
      {error ? (
        <Problem view={view} error={error} />
      ) : (
        <p>
          {t("reward.confirm", { reward: text(reward.title), points: reward.cost })}{" "}
          {customer && t("reward.after", { points: customer.balance - reward.cost })}
        </p>
      )}
      <p class="actions">
        {(!error || retryable.includes(error.code)) && (
          <Button part="redeem" class="button" disabled={busy} onClick={() => stores.redeem.confirm(reward)}>
            {t(busy ? "reward.busy" : error ? "reward.retry" : "reward.yes")}
          </Button>
        )}
        <Button class="button secondary" onClick={stores.redeem.cancel}>
          {t("reward.cancel")}
        </Button>
      </p>
    </div>
  );
}

/** One reward: its icon, title, conditions and cost; for members, redeem now, what is missing, or the tier it needs. */
function RewardCard({ view, reward }: { view: View; reward: Reward }) {
  const { customer, program, words, redeem, balance } = view;
  const { t, text } = words;
  const tier = customer?.tier?.id;
  const locked = !!reward.tiers && !(tier && reward.tiers.includes(tier));
  const affordable = !locked && reward.cost <= balance;
  // its conditions in the endpoint's words: a minimum order, the tiers it is for
  const terms = program?.rewardTerms[reward.id];
  const toGo = t("reward.toGo", { points: reward.cost - balance });
  return (
    <li part="reward" class={affordable && customer ? "reward affordable" : "reward"}>
      <div class="reward-main">
        <span class="disc">
          <Icon name={rewardIcon(reward.kind)} />
        </span>
        <span class="row-text">
          <b>{text(reward.title)}</b>
          {terms && <span class="muted">{terms}</span>}
        </span>
        <b class="cost">{words.points(reward.cost)}</b>
      </div>
      {customer &&
        !locked &&
        (redeem?.rewardId === reward.id ? (
          <Redemption view={view} reward={reward} redeem={redeem} />
        ) : affordable ? (
          <p class="reward-foot">
            <span class="pill">{t("reward.available")}</span>
            <Button part="redeem" class="button" disabled={redeem?.step === "busy"} onClick={() => view.stores.redeem.ask(reward.id)}>
              {t("reward.redeem")}
            </Button>
          </p>
        ) : (
          <div class="reward-foot">
            <Bar value={balance} max={reward.cost} label={toGo} />
            <span class="muted">{toGo}</span>
          </div>
        ))}
    </li>
  );
}

/** Every reward, affordable ones marked, then the raffles; guests are told how to redeem. */
export function Rewards(view: View) {
  const { program, customer, words } = view;
  if (!program) return null;
  return (
    <>
      {!customer && <p class="note">{words.t("guest.redeem")}</p>}
      {program.rewards.length ? (
        <ul class="stack">
          {program.rewards.map((reward) => (
            <RewardCard view={view} reward={reward} />
          ))}
        </ul>
      ) : (
        <p class="empty muted">{words.t("rewards.empty")}</p>
      )}
      <Raffles {...view} />
    </>
  );
}
