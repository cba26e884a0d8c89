import type { Program } from "../../contract/index.ts";

/** "5 €", "€5": an amount in the shop's currency as a language writes it. */
const money = (locale: string, currency: string, amount: number) =>
  new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 0 }).format(amount);

/** The program a new shop starts with: sensible, editable, in Spanish and English; reward titles in the shop's currency. */
export function starterProgram(timeZone: string, currency = "EUR"): Program {
  return {
    timeZone,
    earning: { pointsPerUnit: 1, channels: ["online", "store"] },
    rewards: [
      { id: "free-shipping", kind: "free_shipping", cost: 300, title: { es: "Envío gratis", en: "Free shipping" }, codeValidityDays: 30 },
      {
        id: "five-off",
        kind: "amount_off",
        amount: "5",
        cost: 500,
        title: { es: `${money("es", currency, 5)} de descuento`, en: `${money("en", currency, 5)} off` },
        codeValidityDays: 30,
      },
      { id: "ten-percent", kind: "percent_off", percent: 10, cost: 1000, title: { es: "10 % de descuento", en: "10% off" }, codeValidityDays: 30 },
    ],
    tiers: [
      { id: "bronze", name: { es: "Bronce", en: "Bronze" }, threshold: 0, multiplier: 1 },
      { id: "silver", name: { es: "Plata", en: "Silver" }, threshold: 500, multiplier: 1.25 },
      { id: "gold", name: { es: "Oro", en: "Gold" }, threshold: 1500, multiplier: 1.5 },
    ],
    tierWindowDays: 365,
    campaigns: [],
    referral: {
      enabled: true,
      referrerPoints: 200,
      friendOffer: { kind: "amount_off", amount: "5", minimumSubtotal: "30", validityDays: 30 },
      weeklyCap: 10,
    },
    links: {},
    summary: {
      es: "Gana 1 punto por cada unidad gastada, en la tienda online y en la física, y canjéalos por premios.",
      en: "Earn 1 point per unit spent, online and in store, and redeem them for rewards.",
    },
  };
}
