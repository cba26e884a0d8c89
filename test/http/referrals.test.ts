import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

let e: TestEndpoint;
let anaCode: string;
beforeEach(async () => {
  e = await testEndpoint();
  const ana = await e.call("PUT", "/v1/customers/ana", { headers: e.asShop, body: { email: "Ana.Lopez+shop@gmail.com", name: "Ana" } });
  anaCode = ana.json.referralCode;
});
afterEach(async () => {
  expect(await e.ledgerMismatches()).toEqual([]);
  await e.close();
});

const visit = (code: string) => e.call("POST", "/v1/shops/demo/referral-visits", { body: { code } });
const balanceOf = async (customerId: string) => (await e.call("GET", `/v1/customers/${customerId}`, { headers: e.asShop })).json.balance as number;

describe("referrals", () => {
  it("records a visit and gives the friend a welcome offer and code", async () => {
    const welcome = await visit(anaCode.toLowerCase());
    expect(welcome.status).toBe(201);
    expect(welcome.json.offer).toEqual({ kind: "amount_off", amount: "5", minimumSubtotal: "30", validityDays: 30 });
    expect(welcome.json.code).toMatch(/^AMIGO-/);
    expect((await visit("ZZZZZZZZ")).status).toBe(404);
    const payload = await e.call("GET", "/v1/shops/demo/widget", { headers: e.asCustomer("ana") });
    expect(payload.json.customer.referral).toMatchObject({ code: anaCode, visits: 1, friendsOrdered: 0 });
  });

  it("credits the referrer when the friend's first order carries the referral code", async () => {
    const order = await e.order("bea", "40.00", { referralCode: anaCode });
    expect(order.json.referral).toEqual({ status: "credited", referrerPoints: 200 });
    expect(await balanceOf("ana")).toBe(200);
    const payload = await e.call("GET", "/v1/shops/demo/widget", { headers: e.asCustomer("ana") });
    expect(payload.json.customer.referral).toMatchObject({ friendsOrdered: 1, pointsEarned: 200 });
    expect(payload.json.customer.activity[0]).toMatchObject({ kind: "referral", points: 200 });
    expect(payload.json.customer.activity[0].orderId).toBeUndefined();
  });

  it("attributes by the welcome code alone, whatever browser the friend orders from", async () => {
    const welcome = await visit(anaCode);
    const order = await e.order("bea", "40.00", { discountCodes: [welcome.json.code] });
    expect(order.json.referral).toEqual({ status: "credited", referrerPoints: 200 });
    expect(order.json.discountCodes).toEqual([{ code: welcome.json.code, status: "applied" }]);
  });

  it("blocks self-referral by id and by normalised email, and says why", async () => {
    expect((await e.order("ana", "40.00", { referralCode: anaCode })).json.referral).toEqual({ status: "blocked", reason: "self_referral" });
    await e.call("PUT", "/v1/customers/ana-2", { headers: e.asShop, body: { email: "analopez@googlemail.com" } });
    expect((await e.order("ana-2", "40.00", { referralCode: anaCode })).json.referral).toEqual({ status: "blocked", reason: "self_referral" });
    expect(await balanceOf("ana")).toBe(40);
  });

  it("counts only a new customer's first order", async () => {
    await e.order("bea", "10.00");
    expect((await e.order("bea", "40.00", { referralCode: anaCode })).json.referral).toEqual({ status: "blocked", reason: "not_a_new_customer" });
  });

  it("caps credited referrals per referrer per week", async () => {
    await e.setProgram((program) => ({ ...program, referral: { ...program.referral, weeklyCap: 2 } }));
    const outcomes = [];
    for (const friend of ["f1", "f2", "f3"]) outcomes.push((await e.order(friend, "40.00", { referralCode: anaCode })).json.referral);
    expect(outcomes).toEqual([
      { status: "credited", referrerPoints: 200 },
      { status: "credited", referrerPoints: 200 },
      { status: "blocked", reason: "weekly_cap" },
    ]);
    expect(await balanceOf("ana")).toBe(400);
  });

  it("says when a referral code is unknown, and still records the order", async () => {
    const order = await e.order("bea", "40.00", { referralCode: "NOSUCHCODE" });
    expect(order.status).toBe(201);
    expect(order.json).toMatchObject({ pointsEarned: 40, referral: { status: "blocked", reason: "unknown_code" } });
  });

  it("refunding the whole of the friend's first order reverses the referrer's credit, once", async () => {
    const order = await e.order("bea", "40.00", { referralCode: anaCode });
    const orderId = order.json.orderId as string;
    expect(await balanceOf("ana")).toBe(200);
    const refund = (id: string, amount: string) => e.call("POST", `/v1/orders/${orderId}/refunds`, { headers: e.asShop, body: { id, amount } });

    const partial = await refund("r-1", "15.00");
    expect(partial.json.referral).toBeUndefined();
    expect(await balanceOf("ana")).toBe(200);

    const rest = await refund("r-2", "25.00");
    expect(rest.status).toBe(201);
    expect(rest.json.referral).toEqual({ status: "reversed", referrerPoints: 200 });
    expect(await balanceOf("ana")).toBe(0);
    const replay = await refund("r-2", "25.00");
    expect(replay.json).toEqual(rest.json);
    expect(await balanceOf("ana")).toBe(0);

    const payload = await e.call("GET", "/v1/shops/demo/widget", { headers: e.asCustomer("ana") });
    expect(payload.json.customer.referral).toMatchObject({ friendsOrdered: 0, pointsEarned: 0 });
    expect(payload.json.customer.activity[0]).toMatchObject({ kind: "referral_reversal", points: -200 });
  });

  it("a partly refunded first order keeps the referrer's credit", async () => {
    const order = await e.order("bea", "40.00", { referralCode: anaCode });
    await e.call("POST", `/v1/orders/${order.json.orderId}/refunds`, { headers: e.asShop, body: { id: "r-1", amount: "39.99" } });
    expect(await balanceOf("ana")).toBe(200);
  });
});
