import type { FriendOffer, Reward } from "../../../contract/program.ts";
import type { View } from "../view.ts";
import type { IconName } from "./icons.tsx";

/** What a reward or a friend's offer gives, to say inside a sentence: "5 € de descuento", "10 % de descuento", "envío gratis". */
export function offerText(offer: FriendOffer | Reward, { words: { t }, format }: View) {
  if (offer.kind === "amount_off") return t("reward.amount_off", { amount: format.money(offer.amount) });
  if (offer.kind === "percent_off") return t("reward.percent_off", { percent: format.percent(offer.percent) });
  return t(`reward.${offer.kind}`);
}

/** "En pedidos desde 30 €", or nothing. */
export const minimumText = (offer: FriendOffer | Reward, { words: { t }, format }: View) =>
  offer.minimumSubtotal ? t("reward.minimum", { amount: format.money(offer.minimumSubtotal) }) : "";

/** One icon per kind of reward. */
export const rewardIcon = (kind: Reward["kind"]): IconName =>
  kind === "amount_off" ? "tag" : kind === "percent_off" ? "percent" : kind === "free_shipping" ? "truck" : "gift";
