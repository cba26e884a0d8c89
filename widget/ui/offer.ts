import type { FriendOffer, Reward } from "../../contract/program.ts";
import { duration, t } from "../i18n/index.ts";

/** A reward or a friend's offer in words: "5 € de descuento en pedidos desde 30 €". */
export function describeOffer(offer: FriendOffer | Reward) {
  const what =
    offer.kind === "free_product"
      ? offer.product
      : t(offer.kind, offer.kind === "amount_off" ? { m: offer.amount } : offer.kind === "percent_off" ? { n: offer.percent } : {});
  return offer.minimumSubtotal ? t("minimum", { t: what, m: offer.minimumSubtotal }) : what;
}

/** "1 h 20 min" or "20 min" until `end`. */
export const timeLeft = (end: string, now: number) => duration(Math.max(1, Math.ceil((Date.parse(end) - now) / 60_000)));
