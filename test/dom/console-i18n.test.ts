import { expect, test } from "vitest";
import { $t, setLocale } from "../../console/i18n/index.ts";
import { en } from "../../console/i18n/en.ts";
import { es } from "../../console/i18n/es.ts";

test("console texts with a count take the plural form of its CLDR category", () => {
  setLocale("es");
  expect([1, 7].map((count) => $t.get()("lastDays", { count }))).toEqual(["Último día", "Últimos 7 días"]);
  setLocale("en");
  expect([1, 30].map((count) => $t.get()("lastDays", { count }))).toEqual(["Last day", "Last 30 days"]);
});

test("every plural console text has `other`, only its language's categories, and a {count}", () => {
  for (const [language, texts] of Object.entries({ es, en })) {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
    for (const [key, text] of Object.entries(texts)) {
      if (typeof text === "string") continue;
      expect(Object.keys(text), `${language}.${key}`).toContain("other");
      for (const category of Object.keys(text)) expect(categories, `${language}.${key}.${category}`).toContain(category);
      expect(text.other, `${language}.${key}`).toContain("{count}");
    }
  }
});
