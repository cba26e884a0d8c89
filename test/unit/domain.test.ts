import { describe, expect, it } from "vitest";
import type { Campaign, Reward, Tier } from "../../contract/index.ts";
import { activeCampaign, nextCampaign } from "../../contract/rules/campaigns.ts";
import { contrastRatio, contrastWarnings, darkColors } from "../../contract/rules/contrast.ts";
import { instantAt, wallClock } from "../../contract/time.ts";
import { defaultTheme } from "../../contract/index.ts";
import { earningRate, pointsFor, reversalFor } from "../../server/domain/earning.ts";
import { fromMinor, toMinor } from "../../server/domain/money.ts";
import { nextTier, rewardProgress, rewardsFor, tierFor } from "../../server/domain/progress.ts";
import { judgeReferral, normaliseEmail } from "../../server/domain/referrals.ts";
import { starterProgram } from "../../server/operations/defaults.ts";

describe("money", () => {
  it("converts decimal strings to exact minor units and back", () => {
    expect(toMinor("59.90", "EUR")).toBe(5990);
    expect(toMinor("59.9", "EUR")).toBe(5990);
    expect(toMinor("1000", "JPY")).toBe(1000);
    expect(toMinor("1.234", "KWD")).toBe(1234);
    expect(fromMinor(5990, "EUR")).toBe("59.90");
    expect(fromMinor(5, "EUR")).toBe("0.05");
    expect(fromMinor(1000, "JPY")).toBe("1000");
  });
  it("refuses more decimals than the currency has", () => {
    expect(toMinor("59.905", "EUR")).toBeNull();
    expect(toMinor("10.5", "JPY")).toBeNull();
  });
});

describe("earning", () => {
  const rate = { pointsPerUnit: 1, multiplier: 1, tierId: null, campaignId: null };
  it("earns whole points per currency unit, rounded down", () => {
    expect(pointsFor(5990, 2, rate)).toBe(59);
    expect(pointsFor(99, 2, rate)).toBe(0);
    expect(pointsFor(5990, 2, { ...rate, multiplier: 1.1 })).toBe(65);
    expect(pointsFor(5990, 2, { ...rate, pointsPerUnit: 10, multiplier: 2 })).toBe(1198);
  });
  it("multiplies the tier's and the active campaign's multipliers", () => {
    const program = starterProgram("Europe/Madrid");
    program.campaigns = [
      { id: "double", kind: "range", name: { es: "Dobles" }, multiplier: 2, startsAt: "2026-01-01T00:00:00Z", endsAt: "2026-02-01T00:00:00Z" },
    ];
    const silver = program.tiers[1] as Tier;
    expect(earningRate(program, silver, new Date("2026-01-15T12:00:00Z"))).toMatchObject({ multiplier: 2.5, tierId: "silver", campaignId: "double" });
    expect(earningRate(program, silver, new Date("2026-02-15T12:00:00Z"))).toMatchObject({ multiplier: 1.25, campaignId: null });
  });
  it("reverses refunds in proportion to what the order earned, partial refunds adding up exactly", () => {
    const order = { subtotalMinor: 10000, pointsEarned: 150, refundedMinor: 0, pointsReversed: 0 };
    const first = reversalFor(order, 3333);
    expect(first).toBe(49);
    const second = reversalFor({ ...order, refundedMinor: 3333, pointsReversed: first }, 3333);
    const third = reversalFor({ ...order, refundedMinor: 6666, pointsReversed: first + second }, 3334);
    expect(first + second + third).toBe(150);
  });
});

describe("campaigns in the shop's time zone", () => {
  const tuesdays: Campaign = { id: "tuesday", kind: "weekly", name: { es: "Martes dobles" }, multiplier: 2, days: [2], start: "15:00", end: "17:00" };
  it("reads wall clocks and finds instants across DST", () => {
    expect(wallClock(new Date("2026-07-07T13:30:00Z"), "Europe/Madrid")).toMatchObject({ hour: 15, minute: 30, weekday: 2 });
    expect(instantAt(2026, 7, 7, 15 * 60, "Europe/Madrid").toISOString()).toBe("2026-07-07T13:00:00.000Z");
    expect(instantAt(2026, 1, 6, 15 * 60, "Europe/Madrid").toISOString()).toBe("2026-01-06T14:00:00.000Z");
  });
  it("is active inside a weekly window and says when it ends", () => {
    const active = activeCampaign([tuesdays], new Date("2026-07-07T13:30:00Z"), "Europe/Madrid");
    expect(active?.campaign.id).toBe("tuesday");
    expect(active?.endsAt.toISOString()).toBe("2026-07-07T15:00:00.000Z");
    expect(activeCampaign([tuesdays], new Date("2026-07-07T15:00:00Z"), "Europe/Madrid")).toBeNull();
  });
  it("says when the next window starts", () => {
    const next = nextCampaign([tuesdays], new Date("2026-07-08T10:00:00Z"), "Europe/Madrid");
    expect(next?.startsAt.toISOString()).toBe("2026-07-14T13:00:00.000Z");
  });
  it("picks the highest multiplier when campaigns overlap", () => {
    const range: Campaign = {
      id: "summer",
      kind: "range",
      name: { es: "Verano" },
      multiplier: 3,
      startsAt: "2026-07-01T00:00:00Z",
      endsAt: "2026-08-01T00:00:00Z",
    };
    expect(activeCampaign([tuesdays, range], new Date("2026-07-07T13:30:00Z"), "Europe/Madrid")?.campaign.id).toBe("summer");
  });
});

describe("progress", () => {
  const program = starterProgram("UTC");
  it("finds the next reward and the points missing", () => {
    expect(rewardProgress(program.rewards, 180)).toEqual({
      nextReward: { rewardId: "free-shipping", cost: 300, missing: 120, title: { es: "Envío gratis", en: "Free shipping" } },
      redeemable: [],
    });
    expect(rewardProgress(program.rewards, 600)).toEqual({
      nextReward: { rewardId: "ten-percent", cost: 1000, missing: 400, title: { es: "10 % de descuento", en: "10% off" } },
      redeemable: ["free-shipping", "five-off"],
    });
    expect(rewardProgress(program.rewards, 5000).nextReward).toBeNull();
  });
  it("counts a negative balance from zero when saying what is missing", () => {
    expect(rewardProgress(program.rewards, -40).nextReward?.missing).toBe(300);
  });
  it("places members in tiers and says what the next one needs", () => {
    expect(tierFor(program.tiers, 0)?.id).toBe("bronze");
    expect(tierFor(program.tiers, 1499)?.id).toBe("silver");
    expect(nextTier(program.tiers, 1200)).toMatchObject({ tier: { id: "gold" }, missing: 300 });
    expect(nextTier(program.tiers, 2000)).toBeNull();
  });
  it("shows tier-only rewards to that tier alone", () => {
    const vip = { id: "vip", kind: "free_shipping", cost: 10, title: { es: "VIP" }, tiers: ["gold"], codeValidityDays: 5 } as Reward;
    const gold = program.tiers[2] as Tier;
    expect(rewardsFor([vip], gold)).toHaveLength(1);
    expect(rewardsFor([vip], program.tiers[0] as Tier)).toHaveLength(0);
    expect(rewardsFor([vip], null)).toHaveLength(0);
  });
});

describe("referral fraud rules", () => {
  const facts = {
    enabled: true,
    referrerId: "ana",
    friendId: "bea",
    referrerEmail: "ana@example.com",
    friendEmail: "bea@example.com",
    friendPreviousOrders: 0,
    referrerCreditsThisWeek: 0,
    weeklyCap: 3,
  };
  it("credits a new friend", () => expect(judgeReferral(facts)).toEqual({ credited: true }));
  it("blocks self-referral by id and by normalised email", () => {
    expect(judgeReferral({ ...facts, friendId: "ana" })).toEqual({ credited: false, reason: "self_referral" });
    expect(judgeReferral({ ...facts, referrerEmail: "A.N.A+promo@gmail.com", friendEmail: "ana@googlemail.com" })).toEqual({
      credited: false,
      reason: "self_referral",
    });
  });
  it("blocks a friend who already ordered and a referrer over the weekly cap", () => {
    expect(judgeReferral({ ...facts, friendPreviousOrders: 1 })).toEqual({ credited: false, reason: "not_a_new_customer" });
    expect(judgeReferral({ ...facts, referrerCreditsThisWeek: 3 })).toEqual({ credited: false, reason: "weekly_cap" });
  });
  it("does not punish households: same surname and domain are fine", () => {
    expect(judgeReferral({ ...facts, referrerEmail: "ana.garcia@familia.es", friendEmail: "luis.garcia@familia.es" })).toEqual({ credited: true });
  });
  it("normalises emails", () => {
    expect(normaliseEmail(" John.Doe+x@GMail.com ")).toBe("johndoe@gmail.com");
    expect(normaliseEmail("john.doe+x@example.com")).toBe("john.doe@example.com");
  });
});

describe("theme contrast", () => {
  it("computes WCAG ratios", () => {
    expect(contrastRatio("#000", "#fff")).toBe(21);
    expect(contrastRatio("rgb(255 255 255)", "hsl(0 0% 100%)")).toBe(1);
  });
  it("accepts the default theme and flags a pale accent", () => {
    expect(contrastWarnings(defaultTheme)).toEqual([]);
    const warnings = contrastWarnings({ ...defaultTheme, accent: "#ffeeaa", accentText: "#ffffff" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe("low_contrast");
  });
  it("derives dark colours that always pass AA, and flags dark colours a theme gives that do not", () => {
    const darkWarnings = (accent: string) =>
      contrastWarnings({ ...defaultTheme, accent, colorScheme: "auto" }).filter((warning) => warning.message.startsWith("Dark scheme"));
    for (const accent of ["#ffffff", "#000000", "#ffff00", "#0000ff", "#0b6e4f", "#ff00ff", "#777777"])
      expect(darkWarnings(accent), accent).toEqual([]);
    expect(darkColors({ ...defaultTheme, accent: "#0b6e4f" })).toMatchObject({ accent: "#0b6e4f", accentText: "#ffffff" });
    const grey = contrastWarnings({ ...defaultTheme, colorScheme: "dark", dark: { background: "#555555", text: "#777777" } });
    expect(grey.map((warning) => warning.message)).toEqual([expect.stringMatching(/^Dark scheme: text on the background/)]);
  });
});
