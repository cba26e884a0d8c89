import type { PanelProps } from "./panel.tsx";

/** Ways to earn: per unit spent, in store, referrals, campaigns and the member's tier bonus. */
export function Earn({ payload, words }: PanelProps) {
  const { program } = payload;
  const campaigns = [program.campaigns.active, program.campaigns.next].filter((campaign) => campaign !== null);
  return (
    <ul>
      <li>{words.t("perUnit", { p: program.pointsPerUnit, m: 1 })}</li>
      {program.channels.includes("store") && <li>{words.t("store")}</li>}
      {program.referral && <li>{words.t("referralEarn", { p: program.referral.referrerPoints })}</li>}
      {campaigns.map((campaign) => (
        <li key={campaign.id}>
          {words.text(campaign.name)}: {words.t("multiplier", { n: words.number(campaign.multiplier) })} ({words.date(campaign.startsAt)} –{" "}
          {words.date(campaign.endsAt)})
        </li>
      ))}
      {program.tiers.map((tier) => (
        <li key={tier.id}>
          {words.t("tier", { t: words.text(tier.name) })}: {words.points(tier.threshold)} ·{" "}
          {words.t("multiplier", { n: words.number(tier.multiplier) })}
        </li>
      ))}
    </ul>
  );
}
