import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

let e: TestEndpoint;
beforeEach(async () => {
  e = await testEndpoint();
});
afterEach(async () => {
  expect(await e.ledgerMismatches()).toEqual([]);
  await e.close();
});

const balanceOf = async (customerId: string) => (await e.call("GET", `/v1/customers/${customerId}`, { headers: e.asShop })).json.balance as number;

describe("POST /v1/orders", () => {
  it("awards whole points per currency unit, rounded down", async () => {
    const placed = await e.order("ana", "59.90");
    expect(placed.status).toBe(201);
    expect(placed.json).toMatchObject({
      orderId: "o-1",
      customerId: "ana",
      pointsEarned: 59,
      balance: 59,
      rate: { pointsPerUnit: 1, multiplier: 1, tierId: "bronze" },
    });
  });

  it("earns in-store purchases on the same balance", async () => {
    await e.order("ana", "20.00");
    const store = await e.order("ana", "30.00", { channel: "store" });
    expect(store.json.pointsEarned).toBe(30);
    expect(await balanceOf("ana")).toBe(50);
  });

  it("answers a replay with the first result and refuses the same id with other content", async () => {
    const body = {
      id: "web-1",
      customerId: "ana",
      subtotal: "10.00",
      currency: "EUR",
      channel: "online",
      discountCodes: [],
      placedAt: new Date().toISOString(),
    };
    const first = await e.call("POST", "/v1/orders", { headers: e.asShop, body });
    const replay = await e.call("POST", "/v1/orders", { headers: e.asShop, body });
    expect(replay.status).toBe(201);
    expect(replay.json).toEqual(first.json);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const other = await e.call("POST", "/v1/orders", { headers: e.asShop, body: { ...body, subtotal: "99.00" } });
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe("conflict");
    expect(other.json.error.message).toBe('order "web-1" was already recorded with different content');
    expect(await balanceOf("ana")).toBe(10);
  });

  it("counts concurrent replays of one order once", async () => {
    const body = { id: "burst", customerId: "ana", subtotal: "40.00", currency: "EUR", channel: "online", placedAt: new Date().toISOString() };
    const answers = await Promise.all(Array.from({ length: 20 }, () => e.call("POST", "/v1/orders", { headers: e.asShop, body })));
    expect(answers.every((answer) => answer.status === 201 && answer.json.pointsEarned === 40)).toBe(true);
    expect(await balanceOf("ana")).toBe(40);
  });

  it("refuses another currency and amounts finer than the currency", async () => {
    expect((await e.order("ana", "10.00", { currency: "USD" })).json.error.code).toBe("currency_mismatch");
    const fine = await e.order("ana", "10.005");
    expect(fine.status).toBe(400);
    expect(fine.json.error.message).toMatch(/decimals/);
  });

  it("applies the campaign in force when the order was placed", async () => {
    await e.setProgram((program) => ({
      ...program,
      campaigns: [{ id: "tuesday", kind: "weekly", name: { es: "Martes dobles" }, multiplier: 2, days: [2], start: "15:00", end: "17:00" }],
    }));
    const inside = await e.order("ana", "10.00", { placedAt: "2026-07-07T13:30:00Z" });
    const outside = await e.order("ana", "10.00", { placedAt: "2026-07-07T16:00:00Z" });
    expect(inside.json).toMatchObject({ pointsEarned: 20, rate: { multiplier: 2, campaignId: "tuesday" } });
    expect(outside.json).toMatchObject({ pointsEarned: 10, rate: { multiplier: 1, campaignId: null } });
  });

  it("stops earning on a channel the program leaves out", async () => {
    await e.setProgram((program) => ({ ...program, earning: { ...program.earning, channels: ["online"] } }));
    expect((await e.order("ana", "10.00", { channel: "store" })).json.pointsEarned).toBe(0);
  });

  it("marks loyalty codes it reports as used, and says which codes it could not apply", async () => {
    await e.call("POST", "/v1/customers/ana/adjustments", { headers: e.asShop, body: { id: "gift", points: 600, reason: "welcome" } });
    const redeemed = await e.call("POST", "/v1/shops/demo/redemptions", {
      headers: { ...e.asCustomer("ana"), "idempotency-key": "redeem-0001" },
      body: { rewardId: "five-off" },
    });
    const code = redeemed.json.code as string;
    const first = await e.order("ana", "30.00", { discountCodes: [code.toLowerCase(), "NOPE-1234"] });
    expect(first.json.discountCodes).toEqual([
      { code, status: "applied" },
      { code: "NOPE-1234", status: "unknown" },
    ]);
    const again = await e.order("ana", "30.00", { discountCodes: [code] });
    expect(again.json.discountCodes).toEqual([{ code, status: "already_used" }]);
    const lookedUp = await e.call("GET", `/v1/discount-codes/${code}`, { headers: e.asShop });
    expect(lookedUp.json).toMatchObject({ status: "used", usedByOrder: "o-1", kind: "reward", offer: { kind: "amount_off", amount: "5" } });
  });
});

describe("POST /v1/orders/:orderId/refunds", () => {
  it("reverses points in proportion, at the rate recorded with the order", async () => {
    await e.setProgram((program) => ({ ...program, earning: { ...program.earning, pointsPerUnit: 2 } }));
    await e.order("ana", "100.00");
    // a later rule change must not alter the reversal
    await e.setProgram((program) => ({ ...program, earning: { ...program.earning, pointsPerUnit: 10 } }));
    const half = await e.call("POST", "/v1/orders/o-1/refunds", { headers: e.asShop, body: { id: "r-1", amount: "50.00" } });
    expect(half.status).toBe(201);
    expect(half.json).toEqual({ refundId: "r-1", orderId: "o-1", pointsReversed: 100, refundedTotal: "50.00", balance: 100 });
    const rest = await e.call("POST", "/v1/orders/o-1/refunds", { headers: e.asShop, body: { id: "r-2", amount: "50.00" } });
    expect(rest.json).toMatchObject({ pointsReversed: 100, refundedTotal: "100.00", balance: 0 });
  });

  it("is idempotent on the refund id and refuses to refund more than the order", async () => {
    await e.order("ana", "30.00");
    const body = { id: "r-1", amount: "10.00" };
    const first = await e.call("POST", "/v1/orders/o-1/refunds", { headers: e.asShop, body });
    const replay = await e.call("POST", "/v1/orders/o-1/refunds", { headers: e.asShop, body });
    expect(replay.json).toEqual(first.json);
    const other = await e.call("POST", "/v1/orders/o-1/refunds", { headers: e.asShop, body: { id: "r-1", amount: "11.00" } });
    expect(other.status).toBe(409);
    expect(other.json.error.message).toBe('refund "r-1" was already recorded with different content');
    const over = await e.call("POST", "/v1/orders/o-1/refunds", { headers: e.asShop, body: { id: "r-2", amount: "20.01" } });
    expect(over.status).toBe(422);
    expect(over.json.error).toEqual({ code: "refund_exceeds_order", message: 'only 20.00 EUR of order "o-1" is left to refund' });
    expect((await e.call("POST", "/v1/orders/nope/refunds", { headers: e.asShop, body: { id: "r-3", amount: "1.00" } })).status).toBe(404);
    expect(await balanceOf("ana")).toBe(20);
  });

  it("lets the balance go negative when the points were already spent, and blocks redeeming until repaid", async () => {
    await e.order("ana", "300.00");
    const redeemed = await e.call("POST", "/v1/shops/demo/redemptions", {
      headers: { ...e.asCustomer("ana"), "idempotency-key": "spend-0001" },
      body: { rewardId: "free-shipping" },
    });
    expect(redeemed.json.balance).toBe(0);
    const refund = await e.call("POST", "/v1/orders/o-1/refunds", { headers: e.asShop, body: { id: "r-1", amount: "300.00" } });
    expect(refund.json).toMatchObject({ pointsReversed: 300, balance: -300 });
    const blocked = await e.call("POST", "/v1/shops/demo/redemptions", {
      headers: { ...e.asCustomer("ana"), "idempotency-key": "spend-0002" },
      body: { rewardId: "free-shipping" },
    });
    expect(blocked.json.error.code).toBe("insufficient_points");
    expect((await e.order("ana", "350.00")).json.balance).toBe(50);
  });
});
