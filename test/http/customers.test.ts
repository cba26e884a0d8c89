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

describe("customers", () => {
  it("creates and updates a profile, keeping fields left out", async () => {
    const created = await e.call("PUT", "/v1/customers/ana", {
      headers: e.asShop,
      body: { email: "ana@example.com", name: "Ana", birthday: "1990-04-02" },
    });
    expect(created.status).toBe(200);
    const updated = await e.call("PUT", "/v1/customers/ana", { headers: e.asShop, body: { marketingConsent: true } });
    expect(updated.json).toMatchObject({
      id: "ana",
      email: "ana@example.com",
      name: "Ana",
      birthday: "1990-04-02",
      marketingConsent: true,
      balance: 0,
    });
    const bad = await e.call("PUT", "/v1/customers/ana", { headers: e.asShop, body: { email: "not-an-email", birthday: "02/04/1990" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/email/);
    expect(bad.json.error.message).toMatch(/birthday/);
  });

  it("names the tier as the next tier is named", async () => {
    await e.order("ana", "250.00");
    const details = (await e.call("GET", "/v1/customers/ana", { headers: e.asShop })).json;
    expect(details.tier).toEqual({ id: "bronze", name: expect.objectContaining({ es: expect.any(String) }) });
    expect(Object.keys(details.tier.name)).toEqual(Object.keys(details.nextTier.name));
  });

  it("adjusts points with a reason, idempotently", async () => {
    const body = { id: "goodwill-1", points: 75, reason: "Pedido llegó tarde" };
    const first = await e.call("POST", "/v1/customers/ana/adjustments", { headers: e.asShop, body });
    const replay = await e.call("POST", "/v1/customers/ana/adjustments", { headers: e.asShop, body });
    expect(first.status).toBe(201);
    expect(replay.json).toEqual(first.json);
    const other = await e.call("POST", "/v1/customers/ana/adjustments", { headers: e.asShop, body: { ...body, points: 80 } });
    expect(other.status).toBe(409);
    expect(other.json.error.message).toBe('adjustment "goodwill-1" was already recorded with different content');
    expect((await e.call("POST", "/v1/customers/ana/adjustments", { headers: e.asShop, body: { ...body, id: "zero", points: 0 } })).status).toBe(400);
    const details = await e.call("GET", "/v1/customers/ana", { headers: e.asShop });
    expect(details.json).toMatchObject({ balance: 75, ledger: [{ kind: "adjustment", points: 75, reason: "Pedido llegó tarde" }] });
  });

  it("exports everything stored about a customer", async () => {
    await e.call("PUT", "/v1/customers/ana", { headers: e.asShop, body: { email: "ana@example.com", name: "Ana" } });
    await e.order("ana", "400.00");
    await e.call("POST", "/v1/orders/o-1/refunds", { headers: e.asShop, body: { id: "r-1", amount: "40.00" } });
    await e.call("POST", "/v1/shops/demo/redemptions", {
      headers: { ...e.asCustomer("ana"), "idempotency-key": "export-key-1" },
      body: { rewardId: "free-shipping" },
    });
    const exported = await e.call("GET", "/v1/customers/ana/export", { headers: e.asShop });
    expect(exported.json.customer).toMatchObject({ id: "ana", email: "ana@example.com", name: "Ana", balance: 60 });
    expect(exported.json.ledger.map((entry: { kind: string }) => entry.kind)).toEqual(["earn", "refund", "redeem"]);
    expect(exported.json.orders).toEqual([expect.objectContaining({ id: "o-1", subtotal: "400.00", refunded: "40.00", pointsEarned: 400 })]);
    expect(exported.json.codes).toHaveLength(1);
  });

  it("erases personal data and unlinks the ledger while shop totals stay right", async () => {
    await e.call("PUT", "/v1/customers/ana", { headers: e.asShop, body: { email: "ana@example.com", name: "Ana" } });
    await e.order("ana", "50.00");
    await e.call("POST", "/v1/customers/ana/adjustments", { headers: e.asShop, body: { id: "adj", points: 5, reason: "Ana's birthday" } });
    const totalBefore = await e.driver.read.one("SELECT SUM(points) AS total, COUNT(*) AS n FROM ledger");
    const erased = await e.call("DELETE", "/v1/customers/ana", { headers: e.asShop });
    expect(erased.json).toEqual({ erased: true, customerId: "ana" });
    expect((await e.call("GET", "/v1/customers/ana", { headers: e.asShop })).status).toBe(404);
    expect(await e.driver.read.one("SELECT SUM(points) AS total, COUNT(*) AS n FROM ledger")).toEqual(totalBefore);
    const leftovers = await e.driver.read.all(
      "SELECT 'customers' AS t FROM customers WHERE id = 'ana' OR email IS NOT NULL OR name IS NOT NULL UNION ALL SELECT 'ledger' FROM ledger WHERE customer_id = 'ana' OR reason LIKE '%Ana%' UNION ALL SELECT 'orders' FROM orders WHERE customer_id = 'ana'",
    );
    expect(leftovers).toEqual([]);
    // the same shop id seen again starts afresh
    const again = await e.call("GET", "/v1/shops/demo/widget", { headers: e.asCustomer("ana") });
    expect(again.json.customer.balance).toBe(0);
  });
});
