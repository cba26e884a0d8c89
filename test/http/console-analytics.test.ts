import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleEndpoint, consoleEndpoint } from "./console-support.ts";
import { DAY } from "../../contract/time.ts";

let e: ConsoleEndpoint;
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
    // every customer with an id is a member: the endpoint never hears of other shoppers' orders, so their figures are null
    expect(data.repeatPurchase.members).toEqual({ buyers: 3, repeatBuyers: 1, rate: 0.333 });
    expect(data.repeatPurchase.nonMembers).toBeNull();
    expect(data.memberRevenueShare).toBeNull();
  });

  it("shows the headline figures: members, points outstanding and what they are worth, members' revenue", async () => {
    const { headline, currency } = (await e.consoleCall("GET", "/analytics?days=7")).json;
    expect(currency).toBe("EUR");
    // ana 100 + 50 + 400 − 500 + 200, guest-1 30, friend-1 40; at 5 € for 500 points (the cheapest amount-off reward)
    expect(headline).toEqual({
      members: 3,
      pointsOutstanding: 320,
      liability: { amount: "3.20", basis: { rewardId: "five-off", cost: 500, amount: "5" } },
      memberRevenue: "220.00",
    });
  });

  it("dates points and orders by the order's placedAt, and never counts more active members than members", async () => {
    // orders reported today for purchases made weeks ago, by customers the endpoint had never seen
    await e.order("late-1", "70.00", { placedAt: new Date(clock.now - 20 * DAY).toISOString() });
    await e.order("late-2", "15.00", { placedAt: new Date(clock.now - 20 * DAY).toISOString(), channel: "store" });
    const data = (await e.consoleCall("GET", "/analytics?days=30")).json;
    const day = data.days.find((entry: { date: string }) => entry.date === "2025-02-18");
    expect(day).toMatchObject({ pointsEarned: 85, onlineOrders: 1, storeOrders: 1, revenue: "85.00" });
    expect(data.days.at(-1).pointsEarned).toBe(240);
    for (const week of data.weeks) expect(week.members).toBeGreaterThanOrEqual(week.activeMembers);
    expect(data.weeks.find((week: { activeMembers: number }) => week.activeMembers === 2)?.members).toBeGreaterThanOrEqual(2);
    expect(data.headline.members).toBe(data.weeks.at(-1).members);
  });

  it("defaults to 30 days and refuses windows outside 7–365", async () => {
    expect((await e.consoleCall("GET", "/analytics")).json.days).toHaveLength(30);
    expect((await e.consoleCall("GET", "/analytics?days=366")).status).toBe(400);
    expect((await e.consoleCall("GET", "/analytics?days=3")).status).toBe(400);
  });
});
