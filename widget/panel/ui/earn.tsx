/** @jsxImportSource widget-dom */
import type { EarnWay } from "../../../contract/widget.ts";
import type { View } from "../view.ts";
import { Icon, type IconName } from "./icons.tsx";

/** Buying is a bag, inviting is people, a birthday is a gift; every other action, a tier or a bonus window earns stars. */
const icons: Record<string, IconName> = { purchase: "bag", referral: "users", birthday: "gift", campaign: "clock" };

/** One way to earn (or a tier): an icon, what to do, its conditions and what it gives, as the endpoint wrote them. */
const Way = ({ kind, title, detail, gives }: EarnWay) => (
  <li part={kind === "tier" ? "tier" : "earn-action"} class="row">
    <span class="disc">
      <Icon name={icons[kind] ?? "star"} />
    </span>
    <span class="row-text">
      <b>{title}</b>
      {detail && <span class="muted">{detail}</span>}
    </span>
    {gives && <span class="pill">{gives}</span>}
  </li>
);

/** Every way to earn with its points (buying, the bonus windows, inviting, the program's actions); then the tiers. */
export function Earn(view: View) {
  const { program, boot, words, format } = view;
  if (!program) return null;
  const { t, text } = words;
  const { ways, tiers, tiersNote } = program.earn;
  const campaigns = [boot.campaigns.active, boot.campaigns.next]
    .filter((campaign) => campaign !== null)
    .map((campaign) => ({
      kind: "campaign",
      title: text(campaign.name),
      detail: format.schedule(campaign),
      gives: t("campaign.multiplier", { multiplier: campaign.multiplier }),
    }));
  return (
    <>
      <h3>{t("earn.heading")}</h3>
      <ul class="stack">{[...ways.slice(0, 1), ...campaigns, ...ways.slice(1)].map(Way)}</ul>
      {tiers.length > 0 && (
        <section class="section" aria-labelledby="loyalty-tiers">
          <h3 id="loyalty-tiers">{t("earn.tiers")}</h3>
          <p class="muted">{tiersNote}</p>
          <ul class="stack">{tiers.map(Way)}</ul>
        </section>
      )}
      {program.links.terms && (
        <p>
          <a href={program.links.terms}>{t("earn.terms")}</a>
        </p>
      )}
    </>
  );
}
