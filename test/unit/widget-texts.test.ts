import { describe, expect, it } from "vitest";
import { WidgetTexts } from "../../contract/widget.ts";
import { widgetTexts } from "../../server/texts/index.ts";
import { es } from "../../server/texts/es.ts";

const forms = (text: string | Record<string, string | undefined>) =>
  typeof text === "string" ? [text] : Object.values(text).filter((form) => form !== undefined);
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe("the widget's texts", () => {
  for (const [locale, texts] of Object.entries(widgetTexts))
    it(`${locale}: the keys and placeholders of Spanish, no empty text, plural forms of the language's own categories`, () => {
      expect(WidgetTexts.safeParse(texts).success).toBe(true);
      expect(Object.keys(texts).sort()).toEqual(Object.keys(es).sort());
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, text] of Object.entries(texts)) {
        const reference = es[key] ?? "";
        const expected = placeholders(forms(reference).join(" "));
        for (const form of forms(text)) {
          expect(form.trim(), `${locale} ${key}`).not.toBe("");
          // every form says the same things, except a plural form that spells its number out ("Una vez")
          const missing = expected.filter((name) => !form.includes(name) && name !== "{count}");
          expect(missing, `${locale} ${key}: ${form}`).toEqual([]);
          expect(
            placeholders(form).filter((name) => !expected.includes(name)),
            `${locale} ${key}: ${form}`,
          ).toEqual([]);
        }
        if (typeof text !== "string")
          for (const category of Object.keys(text)) expect(categories, `${locale} ${key}: ${category}`).toContain(category);
      }
    });

  it("plural texts pick their form by {count}, else by {points}", () => {
    const count = Object.entries(es).filter(([, text]) => typeof text !== "string");
    for (const [key, text] of count) {
      const all = forms(text).join(" ");
      expect(all.includes("{count}") || all.includes("{points}"), key).toBe(true);
    }
  });
});
