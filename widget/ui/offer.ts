import type { FriendOffer, Reward } from "../../contract/program.ts";
import type { Words } from "../i18n/index.ts";

/** A reward or a friend's offer in words: "5 € de descuento en pedidos desde 30 €". */
export function describeOffer(offer: FriendOffer | Reward, words: Words) {
  const what =
    offer.kind === "amount_off"
      ? words.t("amount_off", { m: offer.amount })
      : offer.kind === "percent_off"
        ? words.t("percent_off", { n: offer.percent })
        : offer.kind === "free_shipping"
          ? words.t("free_shipping")
          : offer.product;
  return offer.minimumSubtotal ? words.t("minimum", { t: what, m: offer.minimumSubtotal }) : what;
}

/** "1 h 20 min" or "20 min" until `end`. */
export function timeLeft(end: string, now: number, words: Words) {
  const minutes = Math.max(1, Math.ceil((Date.parse(end) - now) / 60_000));
  const hours = Math.floor(minutes / 60);
  return hours ? words.t("hours", { n: words.number(hours), t: minutes % 60 }) : words.t("minutes", { t: minutes });
}
