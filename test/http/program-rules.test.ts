import { afterEach, describe, expect, it } from "vitest";
import type { Program } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import { OPERATOR_KEY, type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

// Contract 7.2: pending points, expiry with reminders, ways to earn, dates by when things happened, and the jobs.

let e: TestEndpoint;
let clock: { now: number };

async function start(rules: Partial<Program>, at = "2026-03-10T10:00:00Z") {
  clock = { now: Date.parse(at) };
  e = await testEndpoint({ clock });
  await e.setProgram((program) => ({ ...program, ...rules }));
}
afterEach(async () => {
  expect(await e.ledgerMismatches()).toEqual([]);
  await e.close();
});

const runJobs = async () => {
  const answer = await e.call("POST", "/v1/operator/jobs/run", { headers: { authorization: `Bearer ${OPERATOR_KEY}` } });
  expect(answer.status).toBe(200);
  return answer.json;
};
const details = async (customerId: string) => (await e.call("GET", `/v1/customers/${customerId}`, { headers: e.asShop })).json;
const member = async (customerId: string) => (await e.call("GET", `/v1/shops/demo/widget?token=${e.token(customerId)}`)).json.customer;
const redeem = (customerId: string, key: string) =>
  e.call("POST", "/v1/shops/demo/redemptions", {
    headers: { ...e.asCustomer(customerId), "idempotency-key": key },
    body: { rewardId: "free-shipping" },
  });
const action = (customerId: string, body: Record<string, unknown>) =>
  e.call("POST", `/v1/customers/${customerId}/actions`, { headers: e.asShop, body });
/** The expiry events (orders also record points.earned, which these tests leave aside). */
const eventsOf = async () =>
  ((await e.call("GET", "/v1/events", { headers: e.asShop })).json.events as { type: string; data: Record<string, unknown> }[]).filter((event) =>
    event.type.startsWith("points.expir"),
  );

describe("pending points", () => {
  it("hold an order's points until the return window closes; they cannot be spent; the jobs release them once", async () => {
    await start({ pending: { days: 14 } });
    const order = await e.order("ana", "400.00");
    expect(order.json).toMatchObject({ pointsEarned: 400, balance: 0, pendingUntil: "2026-03-24T10:00:00.000Z" });
    expect(await details("ana")).toMatchObject({ balance: 0, pending: 400 });
    expect(await member("ana")).toMatchObject({ balance: 0, pending: 400, pendingUntil: "2026-03-24T10:00:00.000Z" });
    expect((await member("ana")).activity[0]).toMatchObject({ kind: "earn", points: 400, pendingUntil: "2026-03-24T10:00:00.000Z" });
    expect((await redeem("ana", "pending-key-1")).json.error.code).toBe("insufficient_points");

    clock.now += 13 * DAY;
    expect((await runJobs()).pendingReleased).toEqual({ customers: 0, points: 0 });
    clock.now += 1 * DAY;
    expect((await runJobs()).pendingReleased).toEqual({ customers: 1, points: 400 });
    expect((await runJobs()).pendingReleased).toEqual({ customers: 0, points: 0 });
    expect(await details("ana")).toMatchObject({ balance: 400, pending: 0 });
    expect((await member("ana")).activity[0].pendingUntil).toBeUndefined();
    expect(await member("ana")).not.toHaveProperty("pendingUntil");
    expect((await redeem("ana", "pending-key-2")).status).toBe(201);
  });

  it("a refund inside the window cancels pending points, not the balance", async () => {
    await start({ pending: { days: 14 } });
    await e.call("POST", "/v1/customers/ana/adjustments", { headers: e.asShop, body: { id: "gift", points: 50, reason: "welcome" } });
    const order = await e.order("ana", "100.00");
    const refund = await e.call("POST", `/v1/orders/${order.json.orderId}/refunds`, { headers: e.asShop, body: { id: "r-1", amount: "40.00" } });
    expect(refund.json).toMatchObject({ pointsReversed: 40, balance: 50 });
    expect(await details("ana")).toMatchObject({ balance: 50, pending: 60 });
    clock.now += 15 * DAY;
    await runJobs();
    expect(await details("ana")).toMatchObject({ balance: 110, pending: 0 });
  });

  it("an order placed before the window started earns available points at once", async () => {
    await start({ pending: { days: 14 } });
    const order = await e.order("ana", "100.00", { placedAt: new Date(clock.now - 20 * DAY).toISOString() });
    expect(order.json.pendingUntil).toBeUndefined();
    expect(await details("ana")).toMatchObject({ balance: 100, pending: 0 });
  });

  it("the referrer's credit waits with the friend's order, and a whole refund in the window cancels it from pending", async () => {
    await start({ pending: { days: 14 } });
    const anaCode = (await e.call("PUT", "/v1/customers/ana", { headers: e.asShop, body: {} })).json.referralCode;
    const order = await e.order("bea", "40.00", { referralCode: anaCode });
    expect(order.json.referral).toEqual({ status: "credited", referrerPoints: 200 });
    expect(await details("ana")).toMatchObject({ balance: 0, pending: 200 });
    await e.call("POST", `/v1/orders/${order.json.orderId}/refunds`, { headers: e.asShop, body: { id: "r-1", amount: "40.00" } });
    expect(await details("ana")).toMatchObject({ balance: 0, pending: 0 });
    clock.now += 15 * DAY;
    await runJobs();
    expect(await details("ana")).toMatchObject({ balance: 0, pending: 0 });
  });
});

describe("expiry by inactivity", () => {
  const rules = { expiry: { monthsInactive: 6, reminderDays: 14 } };

  it("reminds once before, then expires the balance once, as one ledger entry, measured from the latest earning's date", async () => {
    await start(rules, "2026-01-15T10:00:00Z");
    await e.order("ana", "300.00", { placedAt: "2026-01-10T09:00:00Z" });
    expect((await details("ana")).expiresAt).toBe("2026-07-10T09:00:00.000Z");

    clock.now = Date.parse("2026-06-20T10:00:00Z");
    expect((await runJobs()).expiryReminders).toBe(0);
    expect((await member("ana")).expiry).toBeNull();
    clock.now = Date.parse("2026-06-27T10:00:00Z");
    const reminded = await runJobs();
    expect(reminded).toMatchObject({ expiryReminders: 1, expired: { customers: 0, points: 0 } });
    expect((await runJobs()).expiryReminders).toBe(0);
    expect((await member("ana")).expiry).toEqual({ points: 300, at: "2026-07-10T09:00:00.000Z" });
    expect(await eventsOf()).toEqual([
      expect.objectContaining({
        type: "points.expiring",
        data: { customerId: "ana", points: 300, expiresAt: "2026-07-10T09:00:00.000Z", marketingConsent: false },
      }),
    ]);

    clock.now = Date.parse("2026-07-10T09:00:01Z");
    expect((await runJobs()).expired).toEqual({ customers: 1, points: 300 });
    expect((await runJobs()).expired).toEqual({ customers: 0, points: 0 });
    expect(await details("ana")).toMatchObject({ balance: 0, expiresAt: null });
    expect((await member("ana")).activity[0]).toMatchObject({ kind: "expiry", points: -300 });
    expect((await eventsOf()).map((event) => event.type)).toEqual(["points.expiring", "points.expired"]);

    // earning again starts a new period, which expires again in its turn
    await e.order("ana", "50.00");
    clock.now = Date.parse("2027-01-11T10:00:00Z");
    expect((await runJobs()).expired).toEqual({ customers: 1, points: 50 });
  });

  it("an action counts as earning and postpones expiry; a balance of zero expires nothing", async () => {
    await start({ ...rules, actions: [{ id: "review", kind: "review", points: 20, limit: { count: 5, per: "month" }, title: { es: "Reseña" } }] });
    await e.order("ana", "100.00", { placedAt: "2026-01-10T09:00:00Z" });
    await e.order("bea", "100.00", { placedAt: "2026-01-10T09:00:00Z" });
    await e.call("POST", "/v1/customers/bea/adjustments", { headers: e.asShop, body: { id: "bea-0", points: -100, reason: "correction" } });
    await action("ana", { id: "rev-1", action: "review", occurredAt: "2026-03-01T12:00:00Z" });
    clock.now = Date.parse("2026-08-01T10:00:00Z");
    expect((await runJobs()).expired).toEqual({ customers: 0, points: 0 });
    clock.now = Date.parse("2026-09-02T10:00:00Z");
    expect((await runJobs()).expired).toEqual({ customers: 1, points: 120 });
  });
});

describe("ways to earn", () => {
  const actions: Program["actions"] = [
    { id: "newsletter", kind: "newsletter", points: 25, limit: { count: 1, per: "ever" }, title: { es: "Suscríbete", en: "Subscribe" } },
    { id: "review", kind: "review", points: 10, limit: { count: 2, per: "month" }, title: { es: "Escribe una reseña" } },
    { id: "birthday", kind: "birthday", points: 100, limit: { count: 1, per: "year" }, title: { es: "Tu cumpleaños" } },
  ];

  it("the shop reports them idempotently; past the limit the answer is 422 action_limit and nothing is written", async () => {
    await start({ actions });
    const first = await action("ana", { id: "nl-1", action: "newsletter" });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ id: "nl-1", action: "newsletter", points: 25, balance: 25 });
    const replay = await action("ana", { id: "nl-1", action: "newsletter" });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json).toEqual(first.json);
    const other = await action("ana", { id: "nl-1", action: "review" });
    expect(other.status).toBe(409);
    expect(other.json.error.message).toBe('action "nl-1" was already recorded with different content');
    const again = await action("ana", { id: "nl-2", action: "newsletter" });
    expect(again.status).toBe(422);
    expect(again.json.error.code).toBe("action_limit");
    expect((await action("ana", { id: "x-1", action: "no-such-action" })).status).toBe(404);
    expect((await action("ana", { id: "bd-1", action: "birthday" })).status).toBe(400);
    expect((await details("ana")).balance).toBe(25);
  });

  it("limits per calendar month count by when it happened, in the program's time zone", async () => {
    await start({ actions });
    // 31 January 23:30 in Madrid is still January; 1 February 00:30 there is February
    expect((await action("ana", { id: "r-1", action: "review", occurredAt: "2026-01-31T22:30:00Z" })).status).toBe(201);
    expect((await action("ana", { id: "r-2", action: "review", occurredAt: "2026-01-15T10:00:00Z" })).status).toBe(201);
    expect((await action("ana", { id: "r-3", action: "review", occurredAt: "2026-01-20T10:00:00Z" })).status).toBe(422);
    expect((await action("ana", { id: "r-4", action: "review", occurredAt: "2026-01-31T23:30:00Z" })).status).toBe(201);
    const activity = (await member("ana")).activity;
    expect(activity[0]).toMatchObject({ kind: "action", points: 10, occurredAt: "2026-01-31T23:30:00.000Z", createdAt: "2026-03-10T10:00:00.000Z" });
  });

  it("birthdays are awarded by the endpoint on the day, in the program's time zone, once", async () => {
    await start({ actions }, "2026-05-17T21:30:00Z"); // 23:30 on 17 May in Madrid
    await e.call("PUT", "/v1/customers/ana", { headers: e.asShop, body: { birthday: "1991-05-18" } });
    await e.call("PUT", "/v1/customers/bea", { headers: e.asShop, body: { birthday: "1988-05-17" } });
    expect((await runJobs()).birthdays).toBe(1);
    expect((await details("bea")).balance).toBe(100);
    clock.now = Date.parse("2026-05-17T22:30:00Z"); // 00:30 on 18 May in Madrid
    expect((await runJobs()).birthdays).toBe(1);
    expect((await runJobs()).birthdays).toBe(0);
    expect((await details("ana")).balance).toBe(100);
    expect((await member("ana")).activity[0]).toMatchObject({ kind: "action", points: 100 });
  });

  it("a 29 February birthday is celebrated on 28 February in other years", async () => {
    await start({ actions }, "2027-02-27T12:00:00Z");
    await e.call("PUT", "/v1/customers/leap", { headers: e.asShop, body: { birthday: "2000-02-29" } });
    expect((await runJobs()).birthdays).toBe(0);
    clock.now = Date.parse("2027-02-28T12:00:00Z");
    expect((await runJobs()).birthdays).toBe(1);
  });

  it("the widget lists the program's ways to earn", async () => {
    await start({ actions });
    const payload = (await e.call("GET", "/v1/shops/demo/widget")).json;
    expect(payload.program.actions.map((entry: { id: string }) => entry.id)).toEqual(["newsletter", "review", "birthday"]);
  });
});

describe("dated by when it happened", () => {
  it("tiers count orders by placedAt: one placed before the tier window counts for nothing, as it would have then", async () => {
    await start({});
    await e.order("ana", "600.00", { placedAt: new Date(clock.now - 400 * DAY).toISOString() });
    expect(await details("ana")).toMatchObject({ balance: 600, tierPoints: 0, tier: { id: "bronze" } });
    await e.order("bea", "600.00", { placedAt: new Date(clock.now - 30 * DAY).toISOString() });
    expect((await details("bea")).tier.id).toBe("silver");
    expect((await member("bea")).activity[0].occurredAt).toBe(new Date(clock.now - 30 * DAY).toISOString());
  });

  it("an order earns at the tier the customer had when it was placed, not what later orders made of them", async () => {
    await start({});
    await e.order("ana", "600.00"); // silver from now on
    const backdated = await e.order("ana", "100.00", { placedAt: new Date(clock.now - 10 * DAY).toISOString() });
    expect(backdated.json.rate.tierId).toBe("bronze");
    expect(backdated.json.pointsEarned).toBe(100);
  });
});

describe("jobs", () => {
  it("need the operator key", async () => {
    await start({});
    expect((await e.call("POST", "/v1/operator/jobs/run")).status).toBe(401);
  });
});
