import { execFileSync } from "node:child_process";
import { expect, test } from "vitest";
import { Color } from "../../contract/theme.ts";
import { defaultTheme } from "../../contract/theme.ts";
import { ActivityPage, Redemption, WidgetBoot } from "../../contract/widget.ts";
import { themeWithOverrides } from "../../widget/boot/theme.ts";
import { schemas as bootSchemas } from "../../widget/schema/boot.ts";
import { matches } from "../../widget/schema/check.ts";
import { compact } from "../../widget/schema/compact.ts";
import { panelSchemas, bootSchemas as computeBootSchemas } from "../../widget/schema/generate.ts";
import { schemaModule } from "../../widget/schema/module.ts";
import { schemas } from "../../widget/schema/panel.ts";

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

test("the compact ActivityPage schema checks enums, optional fields and nullable cursors", () => {
  const entry = { id: "1", kind: "earn", points: 10, createdAt: "2030-01-01T00:00:00.000Z" };
  const samples: unknown[] = [
    { entries: [], nextCursor: null },
    { entries: [entry, { ...entry, kind: "adjustment", reason: "gift" }], nextCursor: "12" },
    { entries: [{ ...entry, kind: "bonus" }], nextCursor: null },
    { entries: [{ ...entry, reason: 5 }], nextCursor: null },
    { entries: [entry] },
    { entries: {}, nextCursor: null },
  ];
  for (const sample of samples) expect(matches(schemas.ActivityPage, sample), JSON.stringify(sample)).toBe(ActivityPage.safeParse(sample).success);
});

test("the discriminated union of rewards and the records of localized texts are checked", () => {
  const payloadRewards = (schemas.WidgetPanel as { program: { rewards: Parameters<typeof matches>[0] } }).program.rewards;
  const reward = { id: "ten", cost: 100, title: { es: "10 €" }, codeValidityDays: 30, kind: "amount_off", amount: "10" };
  expect(matches(payloadRewards, [reward, { ...reward, kind: "free_shipping" }])).toBe(true);
  // the panel reads a reward's kind (its icon), not its amount or percent: the endpoint writes its conditions in words
  expect(matches(payloadRewards, [{ ...reward, kind: "percent_off" }])).toBe(true);
  expect(matches(payloadRewards, [{ ...reward, kind: "points_back" }])).toBe(false);
  expect(matches(payloadRewards, [{ ...reward, title: ["10 €"] }])).toBe(false);
  expect(matches(payloadRewards, [{ ...reward, title: { es: 10 } }])).toBe(false);
});

test("a union is checked as one object only when its choices differ in a single enum; otherwise as its choices", () => {
  const kind = (value: string) => ({ type: "string", const: value });
  const variant = (name: string, extra: Record<string, unknown> = {}) => ({
    type: "object",
    properties: { kind: kind(name), id: { type: "string" }, ...extra },
    required: ["kind", "id", ...Object.keys(extra)],
  });
  expect(compact({ oneOf: [variant("a"), variant("b")] })).toEqual({ kind: ["e", "a", "b"], id: "s" });
  // different fields, or two enums that differ (a merged object would take the mixed pairs): kept as the choices
  expect(compact({ oneOf: [variant("a", { amount: { type: "string" } }), variant("b")] })).toEqual([
    "o",
    { kind: ["e", "a"], id: "s", amount: "s" },
    { kind: ["e", "b"], id: "s" },
  ]);
  const twoEnums = compact({ oneOf: [variant("a", { size: kind("small") }), variant("b", { size: kind("large") })] });
  expect(matches(twoEnums, { kind: "a", id: "x", size: "small" })).toBe(true);
  expect(matches(twoEnums, { kind: "a", id: "x", size: "large" })).toBe(false);
});

test("Color is one regex accepting #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(), rgba(), hsl(), hsla(); the compact pattern agrees", () => {
  const accepted = ["#0a7", "#0a7f", "#00aa77", "#00AA77FF", "rgb(0 170 119)", "rgba(0, 170, 119, 0.5)", "rgb(0 170 119 / 50%)", "hsl(160 100% 33%)"];
  const rejected = ["red", "#12", "#12345", "#0a7;x:y", "rgb(0 170)", "url(x)", "hsl(160 100% 33%) x", "expression(1)"];
  const accent = bootSchemas.Theme.accent;
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
  const theme = themeWithOverrides(defaultTheme, {
    themeAccent: "#0a7",
    themeText: "red;x:y",
    themePosition: "left",
    themeRadius: "1rem",
    themeColorScheme: "dark",
  });
  expect(theme).toEqual({ ...defaultTheme, accent: "#0a7", position: "left", colorScheme: "dark" });
});

test("the boot checks what it reads of its answer before keeping it, and the panel the rest: a bad answer is never drawn", () => {
  const boot: WidgetBoot = {
    shop: { id: "demo", name: "Demo", currency: "EUR", defaultLocale: "es" },
    theme: defaultTheme,
    locale: "es",
    texts: { "launcher.toNext": { one: "Te falta {points}", other: "Te faltan {points}" } },
    campaigns: { active: null, next: null },
    customer: null,
    panel: { version: "1.a" },
    now: "2030-01-01T00:00:00.000Z",
  };
  expect(WidgetBoot.safeParse(boot).success).toBe(true);
  for (const check of [bootSchemas.WidgetBoot, schemas.WidgetBoot]) expect(matches(check, boot)).toBe(true);
  // the boot keeps only an answer that passed its check: the panel does not check the same parts again
  expect(matches(bootSchemas.WidgetBoot, { ...boot, now: 1_893_456_000_000 })).toBe(false);
  expect(matches(bootSchemas.WidgetBoot, { ...boot, customer: { balance: "380" } })).toBe(false);
  // what only the panel reads (the shop, the campaigns), the panel checks
  for (const bad of [{ shop: { id: 7 } }, { campaigns: { active: "now", next: null } }]) {
    expect(matches(bootSchemas.WidgetBoot, { ...boot, ...bad })).toBe(true);
    expect(matches(schemas.WidgetBoot, { ...boot, ...bad })).toBe(false);
  }
  // a colour that would break out of the stylesheet fails the boot's check
  expect(matches(bootSchemas.WidgetBoot, { ...boot, theme: { ...defaultTheme, accent: "red;}:host{display:none" } })).toBe(false);
  expect(matches(bootSchemas.WidgetBoot, { ...boot, texts: { "launcher.toNext": { one: "x" } } })).toBe(false);
});

test("the modules the build emits hold the same data the tests compute", () => {
  for (const [computed, used] of [
    [computeBootSchemas(), bootSchemas],
    [panelSchemas(), schemas],
  ] as const) {
    const code = `${schemaModule(computed)}\nprocess.stdout.write(JSON.stringify(schemas));`;
    const built: unknown = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" }));
    expect(built).toEqual(used);
  }
});
