import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleEndpoint, consoleEndpoint } from "./console-support.ts";

let e: ConsoleEndpoint;
const DAY = 86_400_000;
// noon in Madrid, so that the orders below fall on clear local days
const clock = { now: Date.parse("2025-03-10T11:00:00Z") };
beforeAll(async () => {
  e = await consoleEndpoint({ clock });
  await e.call("PUT", "/v1/customers/ana", { headers: e.asShop, body: { email: "ana@example.com" } });
  const at = (daysAgo: number) => new Date(clock.now - daysAgo * DAY).toISOString();
  await e.order("ana", "100.00", { placedAt: at(3) });
  await e.order("ana", "50.00", { placedAt: at(1), channel: "store" });
  await e.order("guest-1", "30.00", { placedAt: at(2) });
  await e.call("POST", "/v1/customers/ana/adjustments", { headers: e.asShop, body: { id: "a1", points: 400, reason: "welcome" } });
  const redeemed = await e.call("POST", "/v1/shops/demo/redemptions", {
    headers: { ...e.asCustomer("ana"), "idempotency-key": "redeem-0001" },
    body: { rewardId: "five-off" },
  });
  if (redeemed.status !== 201) throw new Error(JSON.stringify(redeemed.json));
  const friendCode = (await e.call("GET", "/v1/customers/ana", { headers: e.asShop })).json.referralCode;
  await e.call("POST", "/v1/shops/demo/referral-visits", { body: { code: friendCode } });
  await e.order("friend-1", "40.00", { referralCode: friendCode });
  await e.signIn();
});
afterAll(() => e.close());

describe("console analytics", () => {
  it("computes points, orders by channel, members, the referral funnel and repeat purchases from the ledger and orders", async () => {
    const response = await e.consoleCall("GET", "/analytics?days=7");
    expect(response.status).toBe(200);
    const data = response.json;
    expect(data.days).toHaveLength(7);
    expect(data.days.at(-1).date).toBe("2025-03-10");
    expect(data.orders).toEqual({ online: 3, store: 1 });
    const earned = data.days.reduce((sum: number, day: { pointsEarned: number }) => sum + day.pointsEarned, 0);
    const redeemedPoints = data.days.reduce((sum: number, day: { pointsRedeemed: number }) => sum + day.pointsRedeemed, 0);
    expect(redeemedPoints).toBe(500);
    expect(earned).toBe(100 + 50 + 30 + 40 + 200);
    expect(data.redemptionRate).toBeCloseTo(500 / earned, 3);
    expect(data.referralFunnel).toEqual({ visits: 1, friendsOrdered: 1, rewardsGranted: 1, blocked: 0 });
    expect(data.weeks.at(-1).members).toBe(3);
    expect(data.weeks.reduce((sum: number, week: { activeMembers: number }) => sum + week.activeMembers, 0)).toBeGreaterThanOrEqual(3);
    expect(data.repeatPurchase.members).toEqual({ buyers: 1, repeatBuyers: 1, rate: 1 });
    expect(data.repeatPurchase.nonMembers).toEqual({ buyers: 2, repeatBuyers: 0, rate: 0 });
  });

  it("defaults to 30 days and refuses windows outside 7–365", async () => {
    expect((await e.consoleCall("GET", "/analytics")).json.days).toHaveLength(30);
    expect((await e.consoleCall("GET", "/analytics?days=366")).status).toBe(400);
    expect((await e.consoleCall("GET", "/analytics?days=3")).status).toBe(400);
  });
});
