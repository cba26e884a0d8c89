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
    expect((await e.consoleCall("GET", "/customers")).status).toBe(400);
  });

  it("shows balance, tier, ledger and referrals", async () => {
    const response = await e.consoleCall("GET", "/customers/mateo");
    expect(response.status).toBe(200);
    expect(response.json.details).toMatchObject({ id: "mateo", balance: 42, tier: { id: "bronze" } });
    expect(response.json.details.ledger[0]).toMatchObject({ kind: "earn", points: 42 });
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
