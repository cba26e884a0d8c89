import type { LocalizedText } from "../../contract/common.ts";
import type { Theme } from "../../contract/theme.ts";
import type { WidgetPayload } from "../../contract/widget.ts";

export interface Vars {
  p?: number;
  n?: number | string;
  t?: string | number;
  m?: string | number;
}
type Text = WidgetPayload["texts"][string];

// The words of the view being drawn: set by `useWords` on every draw, read by the components (plain functions keep the bundle small).
let locale = "es";
let texts: WidgetPayload["texts"] = {};
let currency = "EUR";
let pointsName: Text = "";
let plural: Intl.PluralRules;
let numbers: Intl.NumberFormat;

/**
 * Takes the payload's locale and texts, and the theme's points name: the endpoint has put the locale's overrides of both in
 * place. Returns the locale.
 */
export function useWords(payload: WidgetPayload, theme: Theme) {
  ({ locale, texts } = payload);
  plural = new Intl.PluralRules(locale);
  numbers = new Intl.NumberFormat(locale);
  currency = payload.shop.currency;
  pointsName = theme.pointsName;
  return locale;
}

/** A text's form for `n` when it has plural forms. */
const form = (text: Text = "", n = 0) => (typeof text === "string" ? text : plural.select(n) === "one" ? text.one : text.other);

export const number = (n: number) => numbers.format(n);
/** "1 punto", "120 puntos". */
export const points = (n: number) => `${number(n)} ${form(pointsName, n)}`;
const money = (amount: string | number) =>
  new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 0 }).format(Number(amount));
export const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
/** Merchant text in the shopper's language, or the first one the marketer wrote. */
export const text = (value: LocalizedText) => value[locale] ?? Object.values(value)[0] ?? "";

/** A text by key (empty when there is none) with `{p}` (points), `{n}`, `{t}` and `{m}` (money) filled in; plural forms follow `n`, else `p`. */
export const t = (key: string, vars: Vars = {}) =>
  form(texts[key], Number(vars.n ?? vars.p)).replace(/\{([pntm])\}/g, (_, name: keyof Vars) => {
    const value = vars[name] ?? "";
    return name === "p" ? points(Number(value)) : name === "m" ? money(value) : String(value);
  });
