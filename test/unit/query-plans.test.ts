import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { recordAction } from "../../server/operations/actions.ts";
import { setConsentFromWidget } from "../../server/operations/consent.ts";
import { submitFeedback } from "../../server/operations/feedback.ts";
import { runDueJobs } from "../../server/operations/jobs.ts";
import { placeOrder, refundOrder } from "../../server/operations/orders.ts";
import { enterRaffle } from "../../server/operations/raffles.ts";
import { redeemReward } from "../../server/operations/redemptions.ts";
import { Services } from "../../server/operations/services.ts";
import { widgetPayloadJson } from "../../server/operations/widget.ts";
import type { Driver, Queries } from "../../server/storage/driver.ts";
import { openSqlite } from "../../server/storage/sqlite.ts";

// The hot paths (the widget's boot request, orders, refunds, redemptions, actions, raffle entries, feedback, consent, the
// jobs' scans and draws) must reach rows through a
// per-customer or primary-key index, never by scanning a table or through the shop-wide time indexes
// that analytics use: those turn a 10 µs lookup into a scan of the shop's whole history.
const dir = mkdtempSync(join(tmpdir(), "loyalty-plans-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function recording(driver: Driver, statements: Set<string>): Driver {
  const seen = (sql: string) => {
    statements.add(sql);
    return sql;
  };
  const wrap = (queries: Queries): Queries => ({
    one: (sql, params) => queries.one(seen(sql), params),
    all: (sql, params) => queries.all(seen(sql), params),
    run: (sql, params) => queries.run(seen(sql), params),
  });
  return {
    dialect: driver.dialect,
    get read() {
      return wrap(driver.read);
    },
    transaction: (work) => driver.transaction((tx) => work(wrap(tx))),
    migrate: () => driver.migrate(),
    close: () => driver.close(),
  };
}

describe("query plans of the hot paths", () => {
  it("use per-customer or primary-key indexes only", async () => {
    const file = join(dir, "plans.sqlite");
    const statements = new Set<string>();
    const base = openSqlite(file);
    await base.migrate();
    const services = new Services(recording(base, statements));
    await services.settings.createShop({ id: "demo", name: "Demo", allowedOrigins: [], defaultLocale: "es", currency: "EUR" });
    const program = (await services.shops.require("demo")).program;
    await services.settings.saveProgram(await services.shops.require("demo"), {
      ...program,
      pending: { days: 14 },
      expiry: { monthsInactive: 6, reminderDays: 14 },
      actions: [
        { id: "review", kind: "review", points: 10, limit: { count: 2, per: "month" }, title: { es: "Reseña" } },
        { id: "birthday", kind: "birthday", points: 50, limit: { count: 1, per: "year" }, title: { es: "Cumpleaños" } },
        { id: "opinion", kind: "feedback", points: 10, limit: { count: 5, per: "month" }, title: { es: "Opinión" } },
      ],
      raffles: [
        {
          id: "cesta",
          title: { es: "Sorteo" },
          prize: { es: "Una cesta" },
          entryCost: 10,
          maxEntriesPerCustomer: 5,
          opensAt: new Date(Date.now() - 86_400_000).toISOString(),
          // closed a moment after the entry below: the jobs draw it
          closesAt: new Date(Date.now() + 300).toISOString(),
          prizeCode: { kind: "free_shipping", validityDays: 30 },
        },
      ],
      announcements: [
        {
          id: "news",
          title: { es: "Novedad" },
          body: { es: "Texto" },
          startsAt: new Date(Date.now() - 1000).toISOString(),
          endsAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      ],
    });
    const shop = await services.shops.require("demo");
    statements.clear();
    const order = {
      id: "o1",
      customerId: "ana",
      subtotal: "400.00",
      currency: "EUR",
      channel: "online" as const,
      discountCodes: [],
      // placed before the return window, so that its points are available to redeem
      placedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
    };
    await placeOrder(services, shop, order);
    await placeOrder(services, shop, order);
    await redeemReward(services, shop, "ana", "free-shipping", "plan-key-1");
    await refundOrder(services, shop, "o1", { id: "r1", amount: "10.00" });
    await widgetPayloadJson(services, shop, "ana");
    await widgetPayloadJson(services, shop, "bea");
    await recordAction(services, shop, "ana", { id: "review-1", action: "review" });
    await enterRaffle(services, shop, "ana", "cesta", 2, "plan-key-2");
    await submitFeedback(services, shop, "ana", { orderId: "o1", rating: 5, comment: "Bien" });
    await setConsentFromWidget(services, shop, "ana", true);
    await widgetPayloadJson(services, shop, "ana");
    await new Promise((resolve) => setTimeout(resolve, 400));
    await runDueJobs(services);
    await base.close();

    const db = new Database(file, { readonly: true });
    const plans = [...statements]
      .filter((sql) => /^\s*(SELECT|UPDATE|DELETE)/i.test(sql))
      .map((sql) => {
        const plain = sql.replace(/\s+FOR (UPDATE|SHARE)\s*$/i, "");
        const params = Array((plain.match(/\?/g) ?? []).length).fill("x");
        return {
          sql: plain.replace(/\s+/g, " ").trim(),
          plan: (db.prepare(`EXPLAIN QUERY PLAN ${plain}`).all(...params) as { detail: string }[]).map((row) => row.detail),
        };
      });
    db.close();
    expect(plans.length).toBeGreaterThan(8);
    // the raffle was drawn, and the member's payload asked about their raffles and their latest order
    for (const part of ["status = 'drawn'", "FROM raffle_entries e JOIN raffles r", "FROM orders o WHERE o.shop_id = ? AND o.customer_id = ?"])
      expect(
        plans.some(({ sql }) => sql.includes(part)),
        part,
      ).toBe(true);
    const bad = plans.filter(({ plan }) =>
      plan.some(
        (step) =>
          /^SCAN (ledger|customers|orders|codes|referrals|referral_visits|refunds|actions|events|raffles|raffle_entries|raffle_purchases|feedback|consents|customer_name_words)\b/.test(
            step,
          ) || /_shop_(time|occurred|placed|joined|balance|tier)\b|feedback_newest/.test(step),
      ),
    );
    expect(bad).toEqual([]);
    // the birthday job reads the day's birthdays from their index, which members without a birthday are not in
    const birthdayScans = plans.filter(({ sql }) => sql.includes("substr(birthday, 6, 5) IN"));
    expect(birthdayScans.length).toBeGreaterThan(0);
    for (const { sql, plan } of birthdayScans)
      expect(
        plan.some((step) => /^SEARCH customers USING (COVERING )?INDEX customers_birthday\b/.test(step)),
        `${sql}: ${plan.join("; ")}`,
      ).toBe(true);
    // a member's tier points are summed from one index, without visiting each order's row
    const tierSums = plans.filter(({ sql }) => sql.includes("SUM(points_earned - points_reversed)"));
    expect(tierSums.length).toBeGreaterThan(0);
    for (const { sql, plan } of tierSums)
      expect(
        plan.some((step) => step.startsWith("SEARCH orders USING COVERING INDEX orders_customer_points")),
        sql,
      ).toBe(true);
  });
});
