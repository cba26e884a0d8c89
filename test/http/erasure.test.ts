import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testPostgresUrl } from "../support/database.ts";
import { erasureEvents } from "../../server/storage/webhooks.ts";
import { OPERATOR_KEY, type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

// After `DELETE /v1/customers/{id}` nothing stored may name the person: every text column of every table is read back
// and searched for the id (here an email, as many shops use), the email and the name, in any letter case.

const person = { id: "lucia.fernandez@example.com", email: "Lucia.F+tienda@example.org", name: "Lucía Fernández Ortega" };
const needles = [person.id, person.email, person.name, "lucia.f@example.org", "Fernández"].map((needle) => needle.toLowerCase());

let e: TestEndpoint;
let clock: { now: number };
beforeEach(async () => {
  clock = { now: Date.now() };
  e = await testEndpoint({ trustProxy: true, clock });
});
afterEach(async () => {
  expect(await e.ledgerMismatches()).toEqual([]);
  await e.close();
});

/** Every row of every table of the endpoint's database, as text. */
async function everyStoredRow(): Promise<{ table: string; row: string }[]> {
  const tables =
    e.driver.dialect === "sqlite"
      ? await e.driver.read.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", [])
      : await e.driver.read.all<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
          [],
        );
  expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(["customers", "ledger", "orders", "codes", "idempotency"]));
  const rows: { table: string; row: string }[] = [];
  for (const { name } of tables)
    for (const row of await e.driver.read.all(`SELECT * FROM ${name}`, [])) rows.push({ table: name, row: JSON.stringify(row) });
  return rows;
}

/** A customer who has done everything the endpoint stores something about. */
async function fullHistory() {
  const asLucia = e.asCustomer(person.id);
  await e.call("PUT", `/v1/customers/${encodeURIComponent(person.id)}`, {
    headers: e.asShop,
    body: { email: person.email, name: person.name, birthday: "1991-05-17", marketingConsent: true },
  });
  // she arrives as a friend of Ana, with a welcome code, and orders
  const ana = await e.call("PUT", "/v1/customers/ana", { headers: e.asShop, body: { email: "ana@example.net", name: "Ana" } });
  const welcome = await e.call("POST", "/v1/shops/demo/referral-visits", {
    body: { code: ana.json.referralCode },
    headers: { "x-forwarded-for": "203.0.113.5" },
  });
  const first = await e.order(person.id, "120.00", { discountCodes: [welcome.json.code] });
  expect(first.json.referral).toEqual({ status: "credited", referrerPoints: 200 });
  await e.call("POST", `/v1/orders/${first.json.orderId}/refunds`, { headers: e.asShop, body: { id: "refund-1", amount: "20.00" } });
  await e.call("POST", `/v1/customers/${encodeURIComponent(person.id)}/adjustments`, {
    headers: e.asShop,
    body: { id: "goodwill-1", points: 300, reason: `Sorry ${person.name}, ${person.email}` },
  });
  const redeemed = await e.call("POST", "/v1/shops/demo/redemptions", {
    headers: { ...asLucia, "idempotency-key": "redeem-attempt-1" },
    body: { rewardId: "free-shipping" },
  });
  expect(redeemed.status).toBe(201);
  await e.order(person.id, "30.00", { discountCodes: [redeemed.json.code] });
  // she refers a friend in turn: her link is visited and credited
  const mine = (await e.call("GET", `/v1/customers/${encodeURIComponent(person.id)}`, { headers: e.asShop })).json.referralCode;
  const friendWelcome = await e.call("POST", "/v1/shops/demo/referral-visits", {
    body: { code: mine },
    headers: { "x-forwarded-for": "203.0.113.6" },
  });
  await e.order("pablo", "50.00", { discountCodes: [friendWelcome.json.code] });
  await e.call("GET", "/v1/shops/demo/widget", { headers: asLucia });
  // a way to earn, and an expiry reminder waiting to be fetched
  await e.setProgram((program) => ({
    ...program,
    // a month's inactivity, reminded up to 31 days before: due for a reminder at once
    expiry: { monthsInactive: 1, reminderDays: 31 },
    actions: [
      { id: "newsletter", kind: "newsletter", points: 10, limit: { count: 1, per: "ever" }, title: { es: "Boletín" } },
      { id: "opinion", kind: "feedback", points: 5, limit: { count: 10, per: "month" }, title: { es: "Tu opinión" } },
    ],
    raffles: [
      {
        id: "cesta",
        title: { es: "Sorteo de Navidad" },
        prize: { es: "Una cesta de productos" },
        entryCost: 10,
        maxEntriesPerCustomer: 5,
        opensAt: new Date(clock.now - 60_000).toISOString(),
        closesAt: new Date(clock.now + 3_600_000).toISOString(),
        prizeCode: { kind: "amount_off", amount: "10", validityDays: 30 },
      },
    ],
  }));
  // her latest earning is the last the expiry jobs visit: their cursor stops at her
  clock.now += 60_000;
  await e.call("POST", `/v1/customers/${encodeURIComponent(person.id)}/actions`, {
    headers: e.asShop,
    body: { id: "newsletter-1", action: "newsletter" },
  });
  // she enters the raffle (and wins it: nobody else does), rates her first order in her own words, and opts out in the widget
  const entered = await e.call("POST", "/v1/shops/demo/raffles/cesta/entries", {
    headers: { ...asLucia, "idempotency-key": "raffle-attempt-1" },
    body: { count: 2 },
  });
  expect(entered.status).toBe(201);
  const rated = await e.call("POST", "/v1/shops/demo/feedback", {
    headers: asLucia,
    body: { orderId: first.json.orderId, rating: 4, comment: `Soy ${person.name} (${person.email}): todo bien` },
  });
  expect(rated.status).toBe(201);
  expect((await e.call("PUT", "/v1/shops/demo/consent", { headers: asLucia, body: { marketing: false } })).status).toBe(200);
  clock.now += 2 * 3_600_000;
  const jobs = await e.call("POST", "/v1/operator/jobs/run", { headers: { authorization: `Bearer ${OPERATOR_KEY}` } });
  expect(jobs.json.expiryReminders).toBeGreaterThan(0);
  expect(jobs.json.raffles.drawn).toBe(1);
}

describe("erasure", () => {
  it("leaves no text or JSON column of any table naming the customer", async () => {
    await fullHistory();
    const before = (await everyStoredRow()).filter(({ row }) => needles.some((needle) => row.toLowerCase().includes(needle)));
    // the scan finds her before: it can fail
    expect(new Set(before.map(({ table }) => table))).toEqual(
      new Set([
        "customers",
        "orders",
        "ledger",
        "codes",
        "referrals",
        "referral_visits",
        "idempotency",
        "adjustments",
        "actions",
        "events",
        "job_state",
        "raffles",
        "raffle_purchases",
        "raffle_entries",
        "feedback",
        "consents",
        "customer_name_words",
      ]),
    );

    const erased = await e.call("DELETE", `/v1/customers/${encodeURIComponent(person.id)}`, { headers: e.asShop });
    expect(erased.status).toBe(200);
    const after = (await everyStoredRow()).filter(({ row }) => needles.some((needle) => row.toLowerCase().includes(needle)));
    // one documented exception: the customer.erased event tells the shop which of its ids to erase, until it is delivered
    expect(after).toHaveLength(1);
    expect(after[0]?.table).toBe("events");
    expect(JSON.parse(after[0]?.row ?? "{}")).toMatchObject({
      type: "customer.erased",
      customer_id: null,
      data: JSON.stringify({ customerId: person.id }),
    });
    // delivered to every webhook, or 7 days on, the id goes too
    await e.driver.transaction((tx) => erasureEvents.forgetOlderThan(tx, clock.now + 1));
    const later = (await everyStoredRow()).filter(({ row }) => needles.some((needle) => row.toLowerCase().includes(needle)));
    expect(later).toEqual([]);
    // the draw stays checkable: the winning entry is still there, under the pseudonym
    const draw = await e.call("GET", "/v1/raffles/cesta", { headers: e.asShop });
    expect(draw.json.winner.customerId).toMatch(/^erased:/);
    expect(draw.json.entries.map((entry: { id: string }) => entry.id)).toContain(draw.json.winner.entryId);
  });

  it("a replayed order of an erased customer is a conflict that says why, and changes nothing", async () => {
    const order = await e.order(person.id, "40.00");
    await e.call("DELETE", `/v1/customers/${encodeURIComponent(person.id)}`, { headers: e.asShop });
    const replay = await e.call("POST", "/v1/orders", {
      headers: e.asShop,
      body: {
        id: order.json.orderId,
        customerId: person.id,
        subtotal: "40.00",
        currency: "EUR",
        channel: "online",
        discountCodes: [],
        placedAt: new Date().toISOString(),
      },
    });
    expect(replay.status).toBe(409);
    expect(replay.json.error.message).toBe(`order "${order.json.orderId}" belonged to a customer who has been erased`);
    expect((await e.call("GET", `/v1/customers/${encodeURIComponent(person.id)}`, { headers: e.asShop })).status).toBe(404);
  });

  it.skipIf(Boolean(testPostgresUrl))("SQLite overwrites erased values: the database file holds no trace of them afterwards", async () => {
    await fullHistory();
    await e.call("DELETE", `/v1/customers/${encodeURIComponent(person.id)}`, { headers: e.asShop });
    await e.driver.transaction((tx) => erasureEvents.forgetOlderThan(tx, clock.now + 1));
    const file = join(e.dir, "loyalty.sqlite");
    // move everything from the write-ahead log into the file, as SQLite does by itself every 1,000 pages
    const checkpoint = new Database(file);
    checkpoint.pragma("wal_checkpoint(TRUNCATE)");
    checkpoint.close();
    const bytes = readFileSync(file);
    for (const needle of [person.email, person.name, person.id]) expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
  });
});
