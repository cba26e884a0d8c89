import { execFileSync } from "node:child_process";
import { expect, test } from "vitest";
import { Color } from "../../contract/theme.ts";
import { ActivityPage, Redemption } from "../../contract/widget.ts";
import { en } from "../../server/texts/en.ts";
import { es } from "../../server/texts/es.ts";
import { matches } from "../../widget/schema/check.ts";
import { schemas } from "../../widget/schema/contract.ts";
import { contractSchemas } from "../../widget/schema/generate.ts";
import { schemaModule } from "../../widget/schema/module.ts";
import { themeOverrides } from "../../widget/stores/theme.ts";

const redemption = { redemptionId: "r1", rewardId: "free-shipping", code: "ABC123", expiresAt: "2030-01-01T00:00:00.000Z", balance: 300 };

test("the compact Redemption schema agrees with the contract's zod schema on shapes (patterns of shown values are the server's)", () => {
  expect(matches(schemas.Redemption, { ...redemption, rewardId: "Not A Slug" })).toBe(true);
  const samples: unknown[] = [
    redemption,
    { ...redemption, extra: "a newer endpoint may add fields" },
    { ...redemption, balance: 1.5 },
    { ...redemption, balance: "300" },
    { ...redemption, rewardId: 7 },
    { ...redemption, code: undefined },
    null,
    [redemption],
    "ok",
  ];
  for (const sample of samples) expect(matches(schemas.Redemption, sample), JSON.stringify(sample)).toBe(Redemption.safeParse(sample).success);
});

test("the compact ActivityPage schema checks optional fields and nullable cursors; ledger kinds are an open enum", () => {
  const entry = { id: "1", kind: "earn", points: 10, createdAt: "2030-01-01T00:00:00.000Z", occurredAt: "2030-01-01T00:00:00.000Z" };
  const samples: unknown[] = [
    { entries: [], nextCursor: null },
    { entries: [entry, { ...entry, kind: "adjustment", reason: "gift" }], nextCursor: "12" },
    { entries: [{ ...entry, reason: 5 }], nextCursor: null },
    { entries: [{ ...entry, kind: 7 }], nextCursor: null },
    { entries: [entry] },
    { entries: {}, nextCursor: null },
  ];
  for (const sample of samples) expect(matches(schemas.ActivityPage, sample), JSON.stringify(sample)).toBe(ActivityPage.safeParse(sample).success);
  // a kind a newer endpoint adds passes: the widget draws the entry with what it knows
  expect(matches(schemas.ActivityPage, { entries: [{ ...entry, kind: "bonus" }], nextCursor: null })).toBe(true);
});

test("the discriminated union of rewards and the records of localized texts are checked", () => {
  const payloadRewards = (schemas.WidgetPayload as { program: { rewards: Parameters<typeof matches>[0] } }).program.rewards;
  const reward = { id: "ten", cost: 100, title: { es: "10 €" }, codeValidityDays: 30, kind: "amount_off", amount: "10" };
  expect(matches(payloadRewards, [reward, { ...reward, kind: "free_shipping" }])).toBe(true);
  expect(matches(payloadRewards, [{ ...reward, kind: "percent_off" }])).toBe(false);
  expect(matches(payloadRewards, [{ ...reward, title: ["10 €"] }])).toBe(false);
  expect(matches(payloadRewards, [{ ...reward, title: { es: 10 } }])).toBe(false);
});

test("Color is one regex accepting #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(), rgba(), hsl(), hsla(); the compact pattern agrees", () => {
  const accepted = ["#0a7", "#0a7f", "#00aa77", "#00AA77FF", "rgb(0 170 119)", "rgba(0, 170, 119, 0.5)", "rgb(0 170 119 / 50%)", "hsl(160 100% 33%)"];
  const rejected = ["red", "#12", "#12345", "#0a7;x:y", "rgb(0 170)", "url(x)", "hsl(160 100% 33%) x", "expression(1)"];
  const accent = (schemas.Theme as Record<string, Parameters<typeof matches>[0]>).accent!;
  for (const colour of accepted) {
    expect(Color.safeParse(colour).success, colour).toBe(true);
    expect(matches(accent, colour), colour).toBe(true);
  }
  for (const colour of rejected) {
    expect(Color.safeParse(colour).success, colour).toBe(false);
    expect(matches(accent, colour), colour).toBe(false);
  }
});

test("data-theme-* attributes keep only values that pass the token checks", () => {
  const overrides = themeOverrides({
    themeAccent: "#0a7",
    themeText: "red;x:y",
    themePosition: "left",
    themeRadius: "1rem",
    themeColorScheme: "dark",
  });
  expect(overrides).toEqual({ accent: "#0a7", position: "left", colorScheme: "dark" });
});

test("the module the build emits holds the same data the tests compute", () => {
  const code = `${schemaModule(contractSchemas())}\nprocess.stdout.write(JSON.stringify(schemas));`;
  const built: unknown = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" }));
  expect(built).toEqual(schemas);
});

test("Spanish and English have the same text keys, none empty, with the same placeholders in every plural form", () => {
  expect(Object.keys(en)).toEqual(Object.keys(es));
  const placeholders = (text: string) => (text.match(/\{[pntm]\}/g) ?? []).sort();
  const forms = (text: string | Record<string, string> = "") => (typeof text === "string" ? [text] : Object.values(text));
  for (const [key, text] of Object.entries(es)) {
    const expected = placeholders(forms(text)[0]!);
    for (const form of [...forms(text), ...forms(en[key])]) {
      expect(form.trim(), key).not.toBe("");
      expect(placeholders(form), key).toEqual(expected);
    }
  }
});

test("plural texts have `other` and only the CLDR categories their language uses, chosen by a count placeholder", () => {
  for (const [language, texts] of Object.entries({ es, en })) {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
    for (const [key, text] of Object.entries(texts)) {
      if (typeof text === "string") continue;
      expect(Object.keys(text), `${language}.${key}`).toContain("other");
      for (const category of Object.keys(text)) expect(categories, `${language}.${key}.${category}`).toContain(category);
      expect(text.other, `${language}.${key}`).toMatch(/\{[np]\}/);
    }
  }
});
