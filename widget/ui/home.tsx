import { openPanel } from "../stores/panel.ts";
import { describeOffer, timeLeft } from "./offer.ts";
import type { PanelProps } from "./panel.tsx";
import { Code } from "./code.tsx";

/** Balance, progress to the next reward, tier, live campaign and the program in one line; the guest's invitation. */
export function Home({ payload, words, now, welcome, copied }: PanelProps) {
  const { customer, program } = payload;
  const campaign = program.campaigns.active;
  const next = customer?.nextReward;
  const nextTier = customer?.nextTier;
  const tierTarget = nextTier && program.tiers.find((tier) => tier.id === nextTier.id);
  const toNextTier = nextTier ? words.t("nextTier", { p: nextTier.missing, t: words.text(nextTier.name) }) : "";
  return (
    <>
      {welcome && (
        <div class="c">
          <p>{words.t("welcome", { t: describeOffer(welcome.offer, words) })}</p>
          <Code code={welcome.code} words={words} copied={copied === "code"} />
          <p>{words.t("expires", { t: words.date(welcome.expiresAt) })}</p>
        </div>
      )}
      {customer ? (
        <>
          <p part="balance">
            <small>{words.t("balance")}</small>
            <b>{words.points(customer.balance)}</b>
          </p>
          {next ? (
            <>
              <progress part="progress" value={customer.balance} max={next.cost} aria-label={words.t("progress")} />
              <p>{words.t("missing", { p: next.missing })}</p>
            </>
          ) : (
            customer.redeemable.length > 0 && (
              <button type="button" class="k" onClick={() => openPanel("rewards")}>
                {words.t("ready")}
              </button>
            )
          )}
          {customer.tier && <p>{words.t("tier", { t: words.text(customer.tier.name) })}</p>}
          {tierTarget && (
            <>
              <progress value={customer.tierPoints} max={tierTarget.threshold} aria-label={toNextTier} />
              <p>{toNextTier}</p>
            </>
          )}
        </>
      ) : (
        <>
          <p>{words.t("guest")}</p>
          <p class="w">
            {program.links.join && (
              <a class="b a" href={program.links.join}>
                {words.t("join")}
              </a>
            )}
            {program.links.signIn && <a href={program.links.signIn}>{words.t("signIn")}</a>}
          </p>
        </>
      )}
      {campaign && now > 0 && Date.parse(campaign.endsAt) > now && (
        <p class="c">
          <b>{words.t("campaign", { t: words.text(campaign.name), n: timeLeft(campaign.endsAt, now, words) })}</b>
        </p>
      )}
      <p>{words.text(program.summary)}</p>
    </>
  );
}
