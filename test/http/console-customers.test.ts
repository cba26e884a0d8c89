import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleEndpoint, consoleEndpoint } from "./console-support.ts";

let e: ConsoleEndpoint;
beforeAll(async () => {
  e = await consoleEndpoint();
  await e.call("PUT", "/v1/customers/mateo", { headers: e.asShop, body: { email: "Mateo.Ruiz@example.com", name: "Mateo" } });
  await e.order("mateo", "42.00");
  await e.signIn();
});
afterAll(() => e.close());

describe("console customers", () => {
  it("finds a customer by id, by whole email and by the start of an email", async () => {
    for (const q of ["mateo", "mateo.ruiz@example.com", "MATEO.R"]) {
      const response = await e.consoleCall("GET", `/customers?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      expect(response.json.customers.map((customer: { id: string }) => customer.id)).toEqual(["mateo"]);
    }
    expect((await e.consoleCall("GET", "/customers?q=nobody")).json.customers).toEqual([]);
  });

  it("finds customers by any word of their name, whatever the case and accents", async () => {
    await e.call("PUT", "/v1/customers/c-77", { headers: e.asShop, body: { name: "Lucía Fernández Ortega" } });
    await e.call("PUT", "/v1/customers/c-78", { headers: e.asShop, body: { name: "Luis Ortiz" } });
    const ids = async (q: string) =>
      (await e.consoleCall("GET", `/customers?q=${encodeURIComponent(q)}`)).json.customers.map((customer: { id: string }) => customer.id);
    expect(await ids("fernandez")).toEqual(["c-77"]);
    expect(await ids("LUCÍA")).toEqual(["c-77"]);
    expect(await ids("ort")).toEqual(["c-77", "c-78"]);
    expect(await ids("lu ort")).toEqual(["c-77", "c-78"]);
    expect(await ids("luis ort")).toEqual(["c-78"]);
    // a renamed customer is found by the new name only
    await e.call("PUT", "/v1/customers/c-78", { headers: e.asShop, body: { name: "Luis Ruiz" } });
    expect(await ids("ortiz")).toEqual([]);
    expect(await ids("ruiz")).toEqual(["c-78"]);
  });

  it("lists everyone a page at a time: newest members, highest balances, highest tier points", async () => {
    for (const [id, subtotal] of [
      ["p-1", "600.00"],
      ["p-2", "5.00"],
      ["p-3", "120.00"],
    ] as const)
      await e.order(id, subtotal);
    await e.call("POST", "/v1/customers/p-2/adjustments", { headers: e.asShop, body: { id: "gift-p2", points: 900, reason: "regalo" } });
    const list = async (query: string) => (await e.consoleCall("GET", `/customers?${query}`)).json;
    const recent = await list("sort=recent");
    expect(recent.customers[0].id).toBe("p-3");
    expect(recent).toMatchObject({ page: 1, pageSize: 25, hasMore: false });
    expect((await list("sort=points")).customers.slice(0, 3).map((customer: { id: string }) => customer.id)).toEqual(["p-2", "p-1", "p-3"]);
    const byTier = (await list("sort=tier")).customers;
    expect(byTier[0]).toMatchObject({ id: "p-1", tierPoints: 600, tier: { id: "silver" } });
    expect(byTier.map((customer: { id: string }) => customer.id).indexOf("p-2")).toBeGreaterThan(
      byTier.map((customer: { id: string }) => customer.id).indexOf("p-3"),
    );
    // a refund takes its points out of the tier order too
    const p1Order = (await e.driver.read.one<{ id: string }>("SELECT id FROM orders WHERE customer_id = 'p-1'"))?.id ?? "";
    await e.call("POST", `/v1/orders/${p1Order}/refunds`, { headers: e.asShop, body: { id: "refund-p1", amount: "600.00" } });
    const afterRefund = (await list("sort=tier")).customers.map((customer: { id: string }) => customer.id);
    expect(afterRefund.indexOf("p-1")).toBeGreaterThan(afterRefund.indexOf("p-3"));
    expect((await list("page=2")).customers).toEqual([]);
    expect((await e.consoleCall("GET", "/customers?sort=name")).status).toBe(400);
  });

  it("shows balance, tier, ledger and referrals", async () => {
    const response = await e.consoleCall("GET", "/customers/mateo");
    expect(response.status).toBe(200);
    expect(response.json.details).toMatchObject({ id: "mateo", balance: 42, tier: { id: "bronze" } });
    expect(response.json.details.ledger[0]).toMatchObject({ kind: "earn", points: 42 });
    expect(response.json.ledger.entries[0]).toMatchObject({
      kind: "earn",
      points: 42,
      order: { channel: "online", multiplier: 1, subtotal: "42.00" },
    });
    expect(response.json.referrals).toEqual([]);
    expect((await e.consoleCall("GET", "/customers/nobody")).status).toBe(404);
  });

  it("adjusts points with a reason, idempotently, and only for known customers", async () => {
    const body = { id: "console-1", points: -10, reason: "Pedido duplicado" };
    const first = await e.consoleCall("POST", "/customers/mateo/adjustments", { body });
    expect(first.status).toBe(201);
    expect(first.json.balance).toBe(32);
    expect((await e.consoleCall("POST", "/customers/mateo/adjustments", { body })).json.balance).toBe(32);
    expect((await e.consoleCall("POST", "/customers/mateo/adjustments", { body: { ...body, reason: "" } })).status).toBe(400);
    expect((await e.consoleCall("POST", "/customers/ghost/adjustments", { body: { ...body, id: "console-2" } })).status).toBe(404);
    expect(await e.ledgerMismatches()).toEqual([]);
  });

  it("exports everything as a download, then erases the person", async () => {
    const exported = await e.consoleCall("GET", "/customers/mateo/export");
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toContain("attachment");
    expect(exported.json.customer.email).toBe("Mateo.Ruiz@example.com");
    const erased = await e.consoleCall("DELETE", "/customers/mateo");
    expect(erased.json).toEqual({ erased: true, customerId: "mateo" });
    expect((await e.consoleCall("GET", "/customers?q=mateo")).json.customers).toEqual([]);
  });
});
