import type { LocalizedText } from "../../contract/common.ts";
import type { Theme } from "../../contract/theme.ts";
import type { PluralText, WidgetPayload } from "../../contract/widget.ts";

export interface Vars {
  p?: number;
  n?: number | string;
  t?: string | number;
  m?: string | number;
}
type Text = string | PluralText;

// The words of the view being drawn: set by `useWords` on every draw, read by the components (plain functions keep the bundle small).
let locale = "es";
let texts: Record<string, Text> = {};
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

/** A text's form for the count `n`: the one for its plural category in the language, else `other`. */
const form = (text: Text = "", n = 0) => (typeof text === "string" ? text : (text[plural.select(n)] ?? text.other));

export const number = (n: number) => numbers.format(n);
/** "1 punto", "120 puntos". */
export const points = (n: number) => `${number(n)} ${form(pointsName, n)}`;
const money = (amount: string | number) =>
  new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 0 }).format(Number(amount));
export const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
const unit = (value: number, name: string) => new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(value);
/** "1 h 20 min", "20 min": the language's own units and plural forms. */
export const duration = (minutes: number) =>
  minutes < 60 ? unit(minutes, "minute") : `${unit(Math.floor(minutes / 60), "hour")} ${unit(minutes % 60, "minute")}`;
/** Merchant text in the shopper's language, or the first one the marketer wrote. */
export const text = (value: LocalizedText) => value[locale] ?? Object.values(value)[0] ?? "";

/**
 * A text by key (empty when there is none) with `{p}` (points), `{n}`, `{t}` and `{m}` (money) filled in, numbers in the
 * language's format; plural forms follow `n`, else `p`.
 */
export const t = (key: string, vars: Vars = {}) =>
  form(texts[key], Number(vars.n ?? vars.p)).replace(/\{([pntm])\}/g, (_, name: keyof Vars) => {
    const value = vars[name] ?? "";
    return name === "p" ? points(Number(value)) : name === "m" ? money(value) : typeof value === "number" ? number(value) : value;
  });
