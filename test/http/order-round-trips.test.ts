import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { testPostgresUrl } from "../support/database.ts";
import { type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

// On PostgreSQL every statement is a round trip over the network: an order without codes or a referral takes two (its facts,
// then its plan applied in one statement), and falls back to the transactional path whenever that cannot be right.

let e: TestEndpoint;
afterEach(async () => {
  expect(await e.ledgerMismatches()).toEqual([]);
  await e.close();
});

/** The statements sent to PostgreSQL while `work` runs (a pool sends each through one of its clients). */
async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    sent.push(String(typeof args[0] === "string" ? args[0] : (args[0] as { text?: string })?.text));
    return (query as (...given: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = query;
  }
  return sent;
}

const orderOf = (id: string, customerId: string, subtotal: string) => ({
  id,
  customerId,
  subtotal,
  currency: "EUR",
  channel: "online",
  discountCodes: [],
  placedAt: new Date().toISOString(),
});

describe.skipIf(!testPostgresUrl)("orders on PostgreSQL", () => {
  it("a member's order without codes takes two round trips, and its replay answers the same", async () => {
    e = await testEndpoint();
    await e.order("ana", "10.00"); // the member exists and the shop is cached
    const order = orderOf("two-trips", "ana", "42.50");
    let answer: Awaited<ReturnType<TestEndpoint["call"]>> | undefined;
    const sent = await statementsDuring(async () => {
      answer = await e.call("POST", "/v1/orders", { headers: e.asShop, body: order });
    });
    expect(sent).toHaveLength(2);
    expect(sent.some((text) => text.startsWith("BEGIN"))).toBe(false);
    expect(answer?.status).toBe(201);
    expect(answer?.json).toMatchObject({ customerId: "ana", pointsEarned: 42, balance: 52, discountCodes: [], referral: null });
    // the replay goes through the transactional path and answers the stored answer
    const replay = await e.call("POST", "/v1/orders", { headers: e.asShop, body: order });
    expect([replay.status, replay.headers.get("idempotent-replayed"), replay.json]).toEqual([201, "true", answer?.json]);
    expect((await e.call("POST", "/v1/orders", { headers: e.asShop, body: { ...order, subtotal: "1.00" } })).status).toBe(409);
  });

  it("orders of one member at once all count, once each: a plan another order made stale falls back", async () => {
    e = await testEndpoint();
    await e.order("bea", "1.00");
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => e.call("POST", "/v1/orders", { headers: e.asShop, body: orderOf(`many-${i}`, "bea", "10.00") })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(201));
    expect((await e.call("GET", "/v1/customers/bea", { headers: e.asShop })).json.balance).toBe(121);
    expect(new Set(answers.map((answer) => answer.json.balance)).size).toBe(12);
  });
});
