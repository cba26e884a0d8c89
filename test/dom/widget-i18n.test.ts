import { expect, test } from "vitest";
import { createWords } from "../../contract/words.ts";

// The widget's words in languages the endpoint does not ship yet: plural forms by each language's own CLDR rules.

test("Polish: one, few and many forms, by the language's own rules", () => {
  const { t } = createWords(
    "pl",
    { visits: { one: "{count} wizyta", few: "{count} wizyty", many: "{count} wizyt", other: "{count} wizyty" } },
    { one: "punkt", other: "punkty" },
  );
  expect([1, 2, 5, 22, 25].map((count) => t("visits", { count }))).toEqual(["1 wizyta", "2 wizyty", "5 wizyt", "22 wizyty", "25 wizyt"]);
});

test("Arabic: zero and two have forms of their own", () => {
  const { t } = createWords(
    "ar",
    { visits: { zero: "no visits", one: "one visit", two: "two visits", few: "a few", many: "many", other: "other" } },
    { one: "", other: "" },
  );
  expect([0, 1, 2, 3, 11, 100].map((count) => t("visits", { count }))).toEqual(["no visits", "one visit", "two visits", "a few", "many", "other"]);
});

test("a category a text leaves out falls back to `other`; French counts 0 as one", () => {
  const { t, points } = createWords("fr", { visits: { one: "{count} visite", other: "{count} visites" } }, { one: "point", other: "points" });
  expect(t("visits", { count: 0 })).toBe("0 visite");
  expect(t("visits", { count: 2 })).toBe("2 visites");
  // a million is "many" in French: the text has no such form, so `other` stands in
  expect(new Intl.PluralRules("fr").select(1_000_000)).toBe("many");
  expect(t("visits", { count: 1_000_000 })).toMatch(/^1\s000\s000 visites$/);
  expect(points(1)).toBe("1 point");
});

test("plural forms follow {count}, else {points}; named placeholders; numbers written the language's way", () => {
  const { t } = createWords(
    "es",
    { missing: { one: "Te falta {points}", other: "Te faltan {points}" }, bonus: "Puntos x{multiplier} en {name}" },
    { one: "punto", other: "puntos" },
  );
  expect(t("missing", { points: 1 })).toBe("Te falta 1 punto");
  expect(t("missing", { points: 1500 })).toBe("Te faltan 1500 puntos");
  expect(t("bonus", { multiplier: 1.25, name: "Oro" })).toBe("Puntos x1,25 en Oro");
  expect(t("no such key")).toBe("");
});
