import type { LocalizedText } from "../../contract/common.ts";
import type { Theme } from "../../contract/theme.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { type TextKey, textKeys } from "./keys.ts";

export type Locale = "es" | "en";
export type { TextKey };

const textsByLocale: Partial<Record<Locale, Record<string, string>>> = {};

/** A locale's texts by key (made once per locale: the view is drawn again on every change). */
export function textsOf(locale: Locale): Record<string, string> {
  let texts = textsByLocale[locale];
  if (!texts) {
    const lines = (locale === "en" ? en : es).split("\n");
    texts = textsByLocale[locale] = Object.fromEntries(textKeys.map((key, index) => [key, lines[index] ?? ""]));
  }
  return texts;
}
export interface Vars {
  p?: number;
  n?: number | string;
  t?: string | number;
  m?: string | number;
}

/** The first supported language among the candidates (data-locale, <html lang>, navigator, shop default); Spanish otherwise. */
export function pickLocale(candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const language = candidate?.slice(0, 2).toLowerCase();
    if (language === "es" || language === "en") return language;
  }
  return "es";
}

/** Text in the shopper's language, or the first one the marketer wrote. */
export const localized = (text: LocalizedText, locale: Locale) => text[locale] ?? Object.values(text)[0] ?? "";

/** Texts, plurals, numbers, money and dates for one locale and theme. */
export function words(locale: Locale, theme: Theme, currency: string) {
  const override = theme.locales[locale];
  const texts: Record<string, string> = { ...textsOf(locale), ...override?.texts };
  const pointsName = override?.pointsName ?? theme.pointsName;
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  const points = (n: number) => `${number.format(n)} ${pointsName[plural.select(n) === "one" ? "one" : "other"]}`;
  const money = (amount: string | number) =>
    new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 0 }).format(Number(amount));
  return {
    locale,
    points,
    money,
    number: (n: number) => number.format(n),
    date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso)),
    text: (text: LocalizedText) => localized(text, locale),
    launcherLabel: override?.launcherLabel ?? theme.launcherLabel,
    programName: override?.programName ?? theme.programName,
    /** A text by key with `{p}` (points), `{n}`, `{t}` and `{m}` (money) filled in. */
    t: (key: TextKey, vars: Vars = {}) =>
      (texts[key] ?? "").replace(/\{([pntm])\}/g, (_, name: keyof Vars) => {
        const value = vars[name] ?? "";
        return name === "p" ? points(Number(value)) : name === "m" ? money(value) : String(value);
      }),
  };
}
export type Words = ReturnType<typeof words>;
