import { date, points, t, text } from "../i18n/index.ts";
import { openPanel } from "../stores/panel.ts";
import type { View } from "../stores/view.ts";
import { Button, Code, Row } from "./bits.tsx";
import { describeOffer, timeLeft } from "./offer.ts";

/** Balance, progress to the next reward, tier, live campaign and the program in one line; the guest's invitation. */
export function Home({ payload, now, welcome, copied }: View) {
  const { customer, program } = payload;
  const campaign = program.campaigns.active;
  const next = customer?.nextReward;
  const nextTier = customer?.nextTier;
  const tierTarget = nextTier && program.tiers.find((tier) => tier.id === nextTier.id);
  const toNextTier = nextTier ? t("nextTier", { p: nextTier.missing, t: text(nextTier.name) }) : "";
  return (
    <>
      {welcome && (
        <div class="c">
          <p>{t("welcome", { t: describeOffer(welcome.offer) })}</p>
          <Code code={welcome.code} copied={copied} />
          <p>{t("expires", { t: date(welcome.expiresAt) })}</p>
        </div>
      )}
      {customer ? (
        <>
          <p part="balance">
            <small>{t("balance")}</small>
            <b>{points(customer.balance)}</b>
          </p>
          {next ? (
            <>
              <progress part="progress" value={customer.balance} max={next.cost} aria-label={t("progress")} />
              <p>{t("missing", { p: next.missing })}</p>
            </>
          ) : (
            customer.redeemable.length > 0 && <Button onClick={() => openPanel("rewards")}>{t("ready")}</Button>
          )}
          {customer.tier && <p>{t("tier", { t: text(customer.tier.name) })}</p>}
          {tierTarget && (
            <>
              <progress value={customer.tierPoints} max={tierTarget.threshold} aria-label={toNextTier} />
              <p>{toNextTier}</p>
            </>
          )}
        </>
      ) : (
        <>
          <p>{t("guest")}</p>
          <Row>
            {program.links.join && (
              <a class="b a" href={program.links.join}>
                {t("join")}
              </a>
            )}
            {program.links.signIn && <a href={program.links.signIn}>{t("signIn")}</a>}
          </Row>
        </>
      )}
      {campaign && Date.parse(campaign.endsAt) > now && (
        <p class="c">
          <b>{t("campaign", { t: text(campaign.name), n: timeLeft(campaign.endsAt, now) })}</b>
        </p>
      )}
      <p>{text(program.summary)}</p>
    </>
  );
}
