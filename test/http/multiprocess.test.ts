import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signCustomerToken } from "../../server/sdk/sign-customer-token.js";
import { testPostgresUrl } from "../support/database.ts";
import { DAY } from "../../contract/time.ts";

const PROCESSES = 3;
/** Customers whose balance is not the sum of their available entries, or whose pending points not the sum of the held ones. */
const MISMATCHES = `SELECT c.id FROM customers c LEFT JOIN ledger l ON l.shop_id = c.shop_id AND l.customer_id = c.id
  GROUP BY c.shop_id, c.id, c.balance, c.pending
  HAVING c.balance <> COALESCE(SUM(CASE WHEN l.pending_until IS NULL THEN l.points END), 0)
      OR c.pending <> COALESCE(SUM(CASE WHEN l.pending_until IS NOT NULL THEN l.points END), 0)`;
const OPERATOR_KEY = "multi-process-operator-key";

// Several endpoint processes share one PostgreSQL: this needs the server (`.ci/run` provides it).
describe.skipIf(!testPostgresUrl)("several endpoint processes on one PostgreSQL", () => {
  const schema = `mp_${randomBytes(5).toString("hex")}`;
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  let secretKey = "";
  let signingSecret = "";

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(testPostgresUrl as string);
    url.searchParams.set("options", `-c search_path=${schema}`);
    // all start at once: the migration lock must let exactly one of them migrate
    for (let i = 0; i < PROCESSES; i++) {
      const port = 19_100 + Math.floor(Math.random() * 800) + i;
      const child = spawn(process.execPath, ["--import", "tsx", "server/cli/serve.ts"], {
        env: {
          ...process.env,
          PORT: String(port),
          DATABASE_URL: url.toString(),
          LOYALTY_OPERATOR_KEY: OPERATOR_KEY,
          LOYALTY_RATE_LIMIT: "0",
          LOYALTY_LOG: "0",
          LOYALTY_PG_POOL: "6",
          // the jobs run when this test says, on every process at once
          LOYALTY_JOBS: "0",
        },
        stdio: ["ignore", "ignore", "inherit"],
      });
      children.push(child);
      urls.push(`http://127.0.0.1:${port}`);
    }
    for (const base of urls) {
      for (let attempt = 0; attempt < 150; attempt++) {
        const ready = await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ready) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const created = await fetch(`${urls[0]}/v1/operator/shops`, {
      method: "POST",
      headers: { authorization: `Bearer ${OPERATOR_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ id: "multi", name: "Multi", allowedOrigins: [], defaultLocale: "es", currency: "EUR" }),
    });
    ({ secretKey, signingSecret } = (await created.json()) as { secretKey: string; signingSecret: string });
  }, 60_000);

  afterAll(async () => {
    for (const child of children) child.kill("SIGTERM");
    const admin = new pg.Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });

  const post = (base: string, path: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }).then(
      async (r) => ({
        status: r.status,
        json: (await r.json()) as any,
      }),
    );

  it("spends nothing twice and loses nothing under concurrent redemptions and replayed orders", async () => {
    const asShop = { authorization: `Bearer ${secretKey}` };
    const customers = ["ana", "bea", "carla", "dani"];
    // each customer: 10 orders, each replayed on every process at once
    const orders = customers.flatMap((customerId) =>
      Array.from({ length: 10 }, (_, i) => ({
        id: `${customerId}-${i}`,
        customerId,
        subtotal: "100.00",
        currency: "EUR",
        channel: i % 2 ? "store" : "online",
        placedAt: new Date().toISOString(),
      })),
    );
    const placed = await Promise.all(orders.flatMap((order) => urls.map((base) => post(base, "/v1/orders", order, asShop))));
    expect(placed.every((answer) => answer.status === 201)).toBe(true);
    for (const order of orders) {
      const answers = placed.filter((answer) => answer.json.orderId === order.id);
      expect(new Set(answers.map((answer) => JSON.stringify(answer.json))).size).toBe(1);
    }

    // 1,125 points each (5 orders at ×1, then silver tier ×1.25); a reward costs 300: 3 redemptions each at most
    for (const customerId of customers) {
      const before = await fetch(`${urls[2]}/v1/customers/${customerId}`, { headers: asShop }).then((r) => r.json() as Promise<{ balance: number }>);
      expect(before.balance).toBe(1125);
    }
    const attempts = customers.flatMap((customerId) =>
      Array.from({ length: 12 }, (_, i) => ({ customerId, key: `${customerId}-attempt-${i % 6}`, base: urls[i % urls.length] as string })),
    );
    const redemptions = await Promise.all(
      attempts.map(({ customerId, key, base }) =>
        post(
          base,
          "/v1/shops/multi/redemptions",
          { rewardId: "free-shipping" },
          {
            authorization: `Bearer ${signCustomerToken({ signingSecret, shop: "multi", customerId })}`,
            "idempotency-key": key,
          },
        ),
      ),
    );
    for (const customerId of customers) {
      const mine = redemptions.filter((_, i) => attempts[i]?.customerId === customerId);
      const codes = new Set(mine.filter((answer) => answer.status === 201).map((answer) => answer.json.code));
      expect(codes.size).toBe(3);
      const details = await fetch(`${urls[1]}/v1/customers/${customerId}`, { headers: asShop }).then((r) => r.json() as Promise<{ balance: number }>);
      expect(details.balance).toBe(1125 - 3 * 300);
    }
    expect(redemptions.every((answer) => answer.status === 201 || answer.json.error?.code === "insufficient_points")).toBe(true);

    const check = new pg.Client({ connectionString: testPostgresUrl });
    await check.connect();
    await check.query(`SET search_path = ${schema}`);
    const mismatches = await check.query(MISMATCHES);
    const counts = await check.query("SELECT (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM codes) AS codes");
    await check.end();
    expect(mismatches.rows).toEqual([]);
    expect(counts.rows[0]).toEqual({ orders: 40, codes: 12 });
  });

  it("runs the jobs on every process at once and does each thing once: releases, expiries, birthdays", async () => {
    const asShop = { authorization: `Bearer ${secretKey}` };
    const asOperator = { authorization: `Bearer ${OPERATOR_KEY}` };
    const program = await fetch(`${urls[0]}/v1/program`, { headers: asShop }).then((r) => r.json() as Promise<Record<string, unknown>>);
    const saved = await fetch(`${urls[0]}/v1/program`, {
      method: "PUT",
      headers: { ...asShop, "content-type": "application/json" },
      body: JSON.stringify({
        ...program,
        timeZone: "UTC",
        pending: { days: 1 },
        expiry: { monthsInactive: 1, reminderDays: 3 },
        actions: [{ id: "birthday", kind: "birthday", points: 50, limit: { count: 1, per: "year" }, title: { es: "Cumpleaños" } }],
      }),
    });
    expect(saved.status).toBe(200);
    // the other processes see a new program within 2 seconds
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const today = new Date().toISOString().slice(5, 10);
    const at = (offset: number) => new Date(Date.now() + offset).toISOString();
    const group = (prefix: string) => Array.from({ length: 30 }, (_, i) => `${prefix}-${i}`);
    const [releasing, inactive, celebrating] = [group("rel"), group("old"), group("bday")];
    await Promise.all([
      // pending until three seconds from now
      ...releasing.map((customerId, i) =>
        post(
          urls[i % PROCESSES] as string,
          "/v1/orders",
          { id: `${customerId}-o`, customerId, subtotal: "20.00", currency: "EUR", channel: "online", placedAt: at(-DAY + 3000) },
          asShop,
        ),
      ),
      ...inactive.map((customerId, i) =>
        post(
          urls[i % PROCESSES] as string,
          "/v1/orders",
          { id: `${customerId}-o`, customerId, subtotal: "30.00", currency: "EUR", channel: "online", placedAt: at(-40 * DAY) },
          asShop,
        ),
      ),
      ...celebrating.map((customerId, i) =>
        fetch(`${urls[i % PROCESSES]}/v1/customers/${customerId}`, {
          method: "PUT",
          headers: { ...asShop, "content-type": "application/json" },
          body: JSON.stringify({ birthday: `1990-${today}` }),
        }),
      ),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 3500));

    const runs = await Promise.all([...urls, ...urls].map((base) => post(base, "/v1/operator/jobs/run", {}, asOperator)));
    expect(runs.every((run) => run.status === 200)).toBe(true);
    const total = (pick: (report: any) => number) => runs.reduce((sum, run) => sum + pick(run.json), 0);
    expect(total((report) => report.pendingReleased.customers)).toBe(30);
    expect(total((report) => report.pendingReleased.points)).toBe(30 * 20);
    expect(total((report) => report.expired.customers)).toBe(30);
    expect(total((report) => report.birthdays)).toBe(30);

    const check = new pg.Client({ connectionString: testPostgresUrl });
    await check.connect();
    await check.query(`SET search_path = ${schema}`);
    const expiries = await check.query("SELECT customer_id, COUNT(*)::int AS n FROM ledger WHERE kind = 'expiry' GROUP BY customer_id");
    const birthdays = await check.query("SELECT customer_id, COUNT(*)::int AS n FROM ledger WHERE kind = 'action' GROUP BY customer_id");
    const mismatches = await check.query(MISMATCHES);
    const released = await check.query("SELECT COUNT(*)::int AS n FROM customers WHERE id LIKE 'rel-%' AND balance = 20 AND pending = 0");
    await check.end();
    expect(expiries.rows.filter((row) => row.customer_id.startsWith("old-")).sort((a, b) => a.customer_id.localeCompare(b.customer_id))).toEqual(
      [...inactive].sort().map((customer_id) => ({ customer_id, n: 1 })),
    );
    expect(birthdays.rows.filter((row) => row.customer_id.startsWith("bday-"))).toHaveLength(30);
    expect(birthdays.rows.every((row) => row.n === 1)).toBe(true);
    expect(released.rows[0]).toEqual({ n: 30 });
    expect(mismatches.rows).toEqual([]);
  }, 60_000);

  it("takes a raffle's entries on every process at once within each balance and maximum, and draws it once", async () => {
    const asShop = { authorization: `Bearer ${secretKey}` };
    const asOperator = { authorization: `Bearer ${OPERATOR_KEY}` };
    const program = await fetch(`${urls[0]}/v1/program`, { headers: asShop }).then((r) => r.json() as Promise<Record<string, unknown>>);
    const closesAt = Date.now() + 6000;
    const saved = await fetch(`${urls[1]}/v1/program`, {
      method: "PUT",
      headers: { ...asShop, "content-type": "application/json" },
      body: JSON.stringify({
        ...program,
        raffles: [
          {
            id: "bici",
            title: { es: "Sorteo de una bici" },
            prize: { es: "Una bici" },
            entryCost: 100,
            maxEntriesPerCustomer: 4,
            opensAt: new Date(Date.now() - 60_000).toISOString(),
            closesAt: new Date(closesAt).toISOString(),
            prizeCode: { kind: "free_product", product: "Bici urbana", validityDays: 60 },
          },
        ],
      }),
    });
    expect(saved.status).toBe(200);
    // half of them can pay for 3 entries, half for more than the maximum of 4
    const entrants = Array.from({ length: 8 }, (_, i) => ({ id: `raffle-${i}`, points: i % 2 ? 350 : 1000, cap: i % 2 ? 3 : 4 }));
    for (const { id, points } of entrants) {
      const gift = await post(urls[0] as string, `/v1/customers/${id}/adjustments`, { id: `seed-${id}`, points, reason: "seed" }, asShop);
      expect(gift.status).toBe(201);
    }
    const attempts = entrants.flatMap(({ id }) =>
      Array.from({ length: 9 }, (_, i) => ({
        customerId: id,
        key: `${id}-entry-${i % 6}`,
        count: 1 + ((i % 6) % 2),
        base: urls[i % PROCESSES] as string,
      })),
    );
    const answers = await Promise.all(
      attempts.map(({ customerId, key, count, base }) =>
        post(
          base,
          "/v1/shops/multi/raffles/bici/entries",
          { count },
          { authorization: `Bearer ${signCustomerToken({ signingSecret, shop: "multi", customerId })}`, "idempotency-key": key },
        ),
      ),
    );
    expect(answers.every((answer) => answer.status === 201 || ["insufficient_points", "raffle_entry_limit"].includes(answer.json.error?.code))).toBe(
      true,
    );
    let bought = 0;
    for (const { id, points, cap } of entrants) {
      // one key, one purchase: every answer to a key is the same
      const mine = answers.filter((_, i) => attempts[i]?.customerId === id && answers[i]?.status === 201);
      const purchases = new Map(
        mine.map((answer) => [answer.json.entries.map((entry: { id: string }) => entry.id).join(), answer.json.entries.length]),
      );
      const entries = [...purchases.values()].reduce((sum, n) => sum + n, 0);
      expect(entries, id).toBeLessThanOrEqual(cap);
      expect(entries, id).toBeGreaterThanOrEqual(cap - 1);
      const details = await fetch(`${urls[2]}/v1/customers/${id}`, { headers: asShop }).then((r) => r.json() as Promise<{ balance: number }>);
      expect(details.balance).toBe(points - entries * 100);
      bought += entries;
    }

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, closesAt - Date.now()) + 500));
    const runs = await Promise.all([...urls, ...urls].map((base) => post(base, "/v1/operator/jobs/run", {}, asOperator)));
    expect(runs.every((run) => run.status === 200)).toBe(true);
    expect(runs.reduce((sum, run) => sum + run.json.raffles.drawn, 0)).toBe(1);
    const draw = await fetch(`${urls[2]}/v1/raffles/bici`, { headers: asShop }).then((r) => r.json() as Promise<any>);
    expect(draw.status).toBe("drawn");
    // the winner recomputed with WebCrypto, from what the endpoint published
    const seed = Uint8Array.from(Buffer.from(draw.seed, "hex"));
    expect(Buffer.from(await crypto.subtle.digest("SHA-256", seed)).toString("hex")).toBe(draw.commitment);
    const key = await crypto.subtle.importKey("raw", seed, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const tickets = await Promise.all(
      draw.entries.map(async (entry: { id: string }) => ({
        id: entry.id,
        ticket: Buffer.from(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(entry.id))).toString("hex"),
      })),
    );
    const lowest = tickets.reduce((best: { id: string; ticket: string }, next: { id: string; ticket: string }) =>
      next.ticket < best.ticket ? next : best,
    );
    expect(draw.winner.entryId).toBe(lowest.id);

    const check = new pg.Client({ connectionString: testPostgresUrl });
    await check.connect();
    await check.query(`SET search_path = ${schema}`);
    const won = await check.query("SELECT customer_id FROM events WHERE type = 'raffle.won'");
    const prizeCodes = await check.query("SELECT customer_id FROM codes WHERE offer LIKE '%Bici urbana%'");
    const entryRows = await check.query("SELECT COUNT(*)::int AS n FROM raffle_entries WHERE raffle_id = 'bici'");
    const mismatches = await check.query(MISMATCHES);
    await check.end();
    expect(won.rows).toEqual([{ customer_id: draw.winner.customerId }]);
    expect(prizeCodes.rows).toEqual([{ customer_id: draw.winner.customerId }]);
    expect(entryRows.rows[0].n).toBe(bought);
    expect(draw.entries).toHaveLength(bought);
    expect(mismatches.rows).toEqual([]);
  }, 60_000);
});
