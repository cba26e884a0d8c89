import type { LocalizedText } from "../../contract/common.ts";
import type { Theme } from "../../contract/theme.ts";
import type { WidgetPayload } from "../../contract/widget.ts";

export interface Vars {
  p?: number;
  n?: number | string;
  t?: string | number;
  m?: string | number;
}

/**
 * Texts, plurals, numbers, money and dates in the payload's locale. The texts come with the payload (the theme's text overrides
 * already merged in by the endpoint); the program's words follow the theme's override for the locale.
 */
export function words({ locale, texts, shop }: WidgetPayload, theme: Theme) {
  const override = theme.locales[locale];
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  /** A text's form for `n` when it has plural forms. */
  const form = (text: WidgetPayload["texts"][string] = "", n = 0) =>
    typeof text === "string" ? text : plural.select(n) === "one" ? text.one : text.other;
  const points = (n: number) => `${number.format(n)} ${form(override?.pointsName ?? theme.pointsName, n)}`;
  const money = (amount: string | number) =>
    new Intl.NumberFormat(locale, { style: "currency", currency: shop.currency, minimumFractionDigits: 0 }).format(Number(amount));
  return {
    locale,
    points,
    number: (n: number) => number.format(n),
    date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso)),
    /** Text in the shopper's language, or the first one the marketer wrote. */
    text: (text: LocalizedText) => text[locale] ?? Object.values(text)[0] ?? "",
    launcherLabel: override?.launcherLabel ?? theme.launcherLabel,
    programName: override?.programName ?? theme.programName,
    /** A text by key with `{p}` (points), `{n}`, `{t}` and `{m}` (money) filled in; plural forms follow `n`, else `p`. */
    t: (key: string, vars: Vars = {}) =>
      form(texts[key], Number(vars.n ?? vars.p)).replace(/\{([pntm])\}/g, (_, name: keyof Vars) => {
        const value = vars[name] ?? "";
        return name === "p" ? points(Number(value)) : name === "m" ? money(value) : String(value);
      }),
  };
}
export type Words = ReturnType<typeof words>;
