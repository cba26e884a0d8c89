import type { WidgetText, WidgetTexts } from "./widget.ts";

export type TextValues = Record<string, string | number>;

/** A language's words: texts by key with their placeholders filled, numbers and points as the language writes them. */
export interface Words {
  locale: string;
  /**
   * The text for `key` with `{name}` placeholders filled from `values` (`points` as "120 puntos", `count` as a number, others
   * as given); a plural text's form is picked by `count`, else by `points`. "" when there is no such text.
   */
  t(key: string, values?: TextValues): string;
  /** "1 punto", "1.240 puntos", in the program's points name. */
  points(amount: number): string;
  number(value: number): string;
  /** Text a marketer wrote, in this language or else the first one written. */
  text(value: Record<string, string>): string;
}

/**
 * A language's words from its texts and the program's points name: the widget draws with them (the boot hands them to the panel
 * through the seam), and the endpoint writes the sentences it sends in words with them (pure: `Intl` only).
 */
export function createWords(locale: string, texts: WidgetTexts, pointsName: { one: string; other: string }): Words {
  const plural = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const number = (value: number) => numbers.format(value);
  const form = (text: WidgetText, count: number) => (typeof text === "string" ? text : (text[plural.select(count)] ?? text.other));
  const points = (amount: number) => `${number(amount)} ${form(pointsName, amount)}`;
  const fill = (name: string, values: TextValues) => {
    const value = values[name];
    if (name === "points") return points(Number(value));
    return typeof value === "number" ? number(value) : (value ?? "");
  };
  return {
    locale,
    number,
    points,
    text: (value) => value[locale] ?? Object.values(value)[0] ?? "",
    t(key, values = {}) {
      const text = texts[key];
      if (text === undefined) return "";
      return form(text, Number(values.count ?? values.points ?? 0)).replace(/\{(\w+)\}/g, (_, name: string) => fill(name, values));
    },
  };
}
