import type { FriendOffer, Program, Reward } from "../../contract/program.ts";
import type { EarnWay, WidgetPanel } from "../../contract/widget.ts";
import type { Words } from "../../contract/words.ts";

type PanelWords = Pick<WidgetPanel["program"], "rewardTerms" | "earn"> & { offer: string; offerTerms: string };

/**
 * What the panel shows every shopper alike, written here in the shopper's language rather than composed by the widget: each
 * reward's conditions, the friend's offer, the ways to earn and the tiers. Money as the language writes it in the shop's
 * currency ("5 €", "5,50 €"), points in the program's name for them.
 */
export function programWords(program: Program, currency: string, words: Words): PanelWords {
  const { t, text } = words;
  const money = (amount: string | number) => {
    const value = Number(amount);
    const digits = Number.isInteger(value) ? 0 : 2;
    return new Intl.NumberFormat(words.locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      value,
    );
  };
  /** "5 € de descuento", "10 % de descuento", "envío gratis". */
  const offerOf = (offer: FriendOffer | Reward) => {
    if (offer.kind === "amount_off") return t("reward.amount_off", { amount: money(offer.amount) });
    if (offer.kind === "percent_off")
      return t("reward.percent_off", { percent: new Intl.NumberFormat(words.locale, { style: "percent" }).format(offer.percent / 100) });
    return t(`reward.${offer.kind}`);
  };
  const minimumOf = (offer: FriendOffer | Reward) => (offer.minimumSubtotal ? t("reward.minimum", { amount: money(offer.minimumSubtotal) }) : "");
  const tierName = (id: string) => text(program.tiers.find((tier) => tier.id === id)?.name ?? {});

  const rewardTerms: Record<string, string> = {};
  for (const reward of program.rewards) {
    const terms = [minimumOf(reward), reward.tiers && t("reward.tierOnly", { tier: reward.tiers.map(tierName).join(", ") })].filter(Boolean);
    if (terms.length) rewardTerms[reward.id] = terms.join(". ");
  }

  const { earning, referral } = program;
  const ways: EarnWay[] = [
    {
      kind: "purchase",
      title: t("earn.purchase"),
      detail: [t("earn.perAmount", { points: earning.pointsPerUnit, amount: money(1) }), earning.channels.includes("store") && t("earn.store")]
        .filter(Boolean)
        .join(". "),
    },
  ];
  if (referral.enabled)
    ways.push({
      kind: "referral",
      title: t("earn.referral"),
      detail: t("earn.referralDetail"),
      gives: t("earn.points", { points: referral.referrerPoints }),
    });
  for (const action of program.actions ?? [])
    ways.push({
      kind: action.kind,
      title: text(action.title) || t(`action.${action.kind}`),
      detail: t(`limit.${action.limit.per}`, { count: action.limit.count }),
      gives: t("earn.points", { points: action.points }),
    });
  const tiers = program.tiers.map(
    (tier): EarnWay => ({
      kind: "tier",
      title: text(tier.name),
      detail: t("earn.tierFrom", { points: tier.threshold }),
      ...(tier.multiplier > 1 && { gives: t("campaign.multiplier", { multiplier: tier.multiplier }) }),
    }),
  );
  return {
    rewardTerms,
    earn: { ways, tiers, tiersNote: t("earn.tiersNote", { count: program.tierWindowDays }) },
    offer: offerOf(referral.friendOffer),
    offerTerms: minimumOf(referral.friendOffer),
  };
}
