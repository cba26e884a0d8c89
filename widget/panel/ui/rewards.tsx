/** @jsxImportSource widget-dom */
import type { Reward } from "../../../contract/program.ts";
import type { RedeemState } from "../stores/redeem.ts";
import type { View } from "../view.ts";
import { Bar, Button, Problem } from "./bits.tsx";
import { Icon } from "./icons.tsx";
import { minimumText, rewardIcon } from "./offer.ts";
import { CodeCard } from "./wallet.tsx";

/** Failures a retry with the same key can mend. */
const retryable = ["network_error", "internal_error", "rate_limited", "conflict"];

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
  const { customer, program, words, redeem } = view;
  const { t, text } = words;
  const tier = customer?.tier?.id;
  const locked = !!reward.tiers && !(tier && reward.tiers.includes(tier));
  const balance = Math.max(0, customer?.balance ?? 0);
  const affordable = !locked && reward.cost <= balance;
  const tierNames = (reward.tiers ?? []).map((id) => text(program?.tiers.find((item) => item.id === id)?.name ?? {})).join(", ");
  const minimum = minimumText(reward, view);
  return (
    <li part="reward" class={affordable && customer ? "reward affordable" : "reward"}>
      <div class="reward-main">
        <span class="disc">
          <Icon name={rewardIcon(reward.kind)} />
        </span>
        <span class="row-text">
          <b class="reward-title">{text(reward.title)}</b>
          {minimum && <span class="muted">{minimum}</span>}
          {locked && <span class="muted">{t("reward.tierOnly", { tier: tierNames })}</span>}
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
            <Bar value={balance} max={reward.cost} label={t("reward.toGo", { points: reward.cost - balance })} />
            <span class="muted">{t("reward.toGo", { points: reward.cost - balance })}</span>
          </div>
        ))}
    </li>
  );
}

/** Every reward, affordable ones marked; guests are told how to redeem. */
export function Rewards(view: View) {
  const { program, customer, words } = view;
  if (!program) return null;
  if (!program.rewards.length) return <p class="empty muted">{words.t("rewards.empty")}</p>;
  return (
    <>
      {!customer && <p class="note">{words.t("guest.redeem")}</p>}
      <ul class="stack">
        {program.rewards.map((reward) => (
          <RewardCard view={view} reward={reward} />
        ))}
      </ul>
    </>
  );
}
