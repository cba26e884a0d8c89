/** @jsxImportSource widget-dom */
import type { View } from "../view.ts";
import { Bar, Button, Card, Failure } from "./bits.tsx";
import { Campaign } from "./campaign.tsx";
import { Consent } from "./consent.tsx";
import { Icon } from "./icons.tsx";
import { Wallet } from "./wallet.tsx";

/**
 * Where the member stands: a reward within reach first, then the progress to the next one, a negative balance explained,
 * pending points and an expiry notice where the program has them, and the progress to the next tier.
 */
function Standing(view: View) {
  const { customer, program, words, format, stores } = view;
  if (!customer || !program) return null;
  const { t, text } = words;
  const { readyReward, nextReward: next, nextTier, pending, pendingUntil, expiry } = customer;
  const nextTitle = text(next?.title ?? {});
  return (
    <>
      {readyReward && (
        <Card icon="gift" class="highlight">
          <p class="lead">{t("home.ready", { reward: text(readyReward.title) })}</p>
          <Button class="button" onClick={() => stores.host.open("rewards")}>
            {t("home.seeRewards")}
          </Button>
        </Card>
      )}
      {next && (
        <div class="panel-card">
          <p>{t("home.toNext", { points: next.missing, reward: nextTitle })}</p>
          <Bar part="progress" value={next.cost - next.missing} max={next.cost} label={t("home.progress", { reward: nextTitle })} />
        </div>
      )}
      {customer.balance < 0 && (
        <Card icon="alert">
          <p>{t("home.negative", { points: -customer.balance })}</p>
        </Card>
      )}
      {!!pending && pending > 0 && (
        <p part="pending" class="note">
          <Icon name="clock" />
          <span>
            <b>{t("pending.points", { points: pending })}</b>{" "}
            {pendingUntil ? t("pending.until", { date: format.date(pendingUntil) }) : t("pending.why")}
          </span>
        </p>
      )}
      {expiry && expiry.points > 0 && (
        <p class="note">
          <Icon name="alert" />
          <span>{t("expiry.notice", { points: expiry.points, date: format.date(expiry.at) })}</span>
        </p>
      )}
      {nextTier && (
        <div class="panel-card">
          <p>{t("tier.next", { points: nextTier.missing, tier: text(nextTier.name) })}</p>
          <Bar value={customer.tierPoints} max={customer.tierPoints + nextTier.missing} label={t("tier.progress", { tier: text(nextTier.name) })} />
        </div>
      )}
    </>
  );
}

/** The guest's invitation: what the program gives, with join and sign-in links. */
function Invitation({ program, words: { t } }: View) {
  const links = program?.links ?? {};
  return (
    <div class="hero">
      <span class="disc big">
        <Icon name="star" />
      </span>
      <h3>{t("guest.title")}</h3>
      <p>{t("guest.text")}</p>
      <p class="actions">
        {links.join && (
          <a class="button" href={links.join}>
            {t("guest.join")}
          </a>
        )}
        {links.signIn && (
          <a class="button secondary" href={links.signIn}>
            {t("guest.signIn")}
          </a>
        )}
      </p>
    </div>
  );
}

/**
 * The home section: a refused session said plainly, the member's standing or the guest's invitation, the campaign, the wallet,
 * how the program works, and the member's consent to reminders and marketing.
 */
export function Home(view: View) {
  const { boot, customer, program, words } = view;
  const summary = program ? words.text(program.summary) : "";
  return (
    <>
      {boot.sessionError && <Failure text={words.t("error.unauthorized")} />}
      {customer ? <Standing {...view} /> : <Invitation {...view} />}
      <Campaign {...view} />
      <Wallet {...view} />
      {summary && (
        <section class="section" aria-labelledby="loyalty-summary">
          <h3 id="loyalty-summary">{words.t("home.summaryTitle")}</h3>
          <p>{summary}</p>
        </section>
      )}
      <Consent {...view} />
    </>
  );
}
