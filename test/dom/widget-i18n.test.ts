import { expect, test } from "vitest";
import { defaultTheme } from "../../contract/theme.ts";
import type { WidgetPayload } from "../../contract/widget.ts";
import { duration, points, t, useWords } from "../../widget/i18n/index.ts";

/**
 * Sets the words of a language the endpoint does not ship yet. Its plural texts use every CLDR category the language has, which
 * the contract's `{ one, other }` type cannot say yet: hence the cast.
 */
function speak(locale: string, texts: Record<string, string | Record<string, string>>, pointsName = { one: "point", other: "points" }) {
  const payload = { locale, texts, shop: { id: "demo", name: "Demo", currency: "EUR", defaultLocale: "es" } } as unknown as WidgetPayload;
  useWords(payload, { ...defaultTheme, pointsName });
}

test("Polish: one, few and many forms, by the language's own rules", () => {
  speak("pl", { visits: { one: "{n} wizyta", few: "{n} wizyty", many: "{n} wizyt", other: "{n} wizyty" } });
  expect([1, 2, 5, 22, 25].map((n) => t("visits", { n }))).toEqual(["1 wizyta", "2 wizyty", "5 wizyt", "22 wizyty", "25 wizyt"]);
});

test("Arabic: zero and two have forms of their own", () => {
  speak("ar", { visits: { zero: "no visits", one: "one visit", two: "two visits", few: "a few", many: "many", other: "other" } });
  expect([0, 1, 2, 3, 11, 100].map((n) => t("visits", { n }))).toEqual(["no visits", "one visit", "two visits", "a few", "many", "other"]);
});

test("a category a text leaves out falls back to `other`; French counts 0 as one", () => {
  speak("fr", { visits: { one: "{n} visite", other: "{n} visites" } }, { one: "point", other: "points" });
  expect(t("visits", { n: 0 })).toBe("0 visite");
  expect(t("visits", { n: 2 })).toBe("2 visites");
  // a million is "many" in French: the text has no such form, so `other` stands in
  expect(new Intl.PluralRules("fr").select(1_000_000)).toBe("many");
  expect(t("visits", { n: 1_000_000 })).toMatch(/^1\s000\s000 visites$/);
  expect(points(1)).toBe("1 point");
});

test("plural forms follow {n}, else {p}; numbers are written the language's way", () => {
  speak("es", { missing: { one: "Te falta {p}", other: "Te faltan {p}" }, multiplier: "Puntos x{n}" }, { one: "punto", other: "puntos" });
  expect(t("missing", { p: 1 })).toBe("Te falta 1 punto");
  expect(t("missing", { p: 1500 })).toBe("Te faltan 1500 puntos");
  expect(t("multiplier", { n: 1.25 })).toBe("Puntos x1,25");
});

test("durations use the platform's units: 20 min, 1 h 5 min", () => {
  speak("es", {});
  expect(duration(20)).toBe("20 min");
  expect(duration(65)).toBe("1 h 5 min");
  speak("en", {});
  expect(duration(1)).toBe("1 min");
  expect(duration(125)).toBe("2 hr 5 min");
});
