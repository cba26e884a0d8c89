import type { WidgetText, WidgetTexts } from "../../contract/widget.ts";
import type { TextValues, Words } from "../seam.ts";

/** A language's words (see `Words`), shared with the panel through the seam. */
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
