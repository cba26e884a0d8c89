import { date, points, t, text } from "../i18n/index.ts";
import type { View } from "../stores/view.ts";

/** Ways to earn: per unit spent, in store, referrals, campaigns and the tiers' bonuses. */
export function Earn({ payload: { program } }: View) {
  const { active, next } = program.campaigns;
  const times = (multiplier: number) => t("multiplier", { n: multiplier });
  return (
    <ul>
      <li>{t("perUnit", { p: program.pointsPerUnit, m: 1 })}</li>
      {program.channels.includes("store") && <li>{t("store")}</li>}
      {program.referral && <li>{t("referralEarn", { p: program.referral.referrerPoints })}</li>}
      {[active, next].map(
        (campaign) =>
          campaign && (
            <li key={campaign.id}>
              {text(campaign.name)}: {times(campaign.multiplier)} ({date(campaign.startsAt)} – {date(campaign.endsAt)})
            </li>
          ),
      )}
      {program.tiers.map((tier) => (
        <li key={tier.id}>
          {t("tier", { t: text(tier.name) })}: {points(tier.threshold)} · {times(tier.multiplier)}
        </li>
      ))}
    </ul>
  );
}
