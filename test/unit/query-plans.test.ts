import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { recordAction } from "../../server/operations/actions.ts";
import { runDueJobs } from "../../server/operations/jobs.ts";
import { placeOrder, refundOrder } from "../../server/operations/orders.ts";
import { redeemReward } from "../../server/operations/redemptions.ts";
import { Services } from "../../server/operations/services.ts";
import { widgetPayloadJson } from "../../server/operations/widget.ts";
import type { Driver, Queries } from "../../server/storage/driver.ts";
import { openSqlite } from "../../server/storage/sqlite.ts";

// The hot paths (the widget's boot request, orders, refunds, redemptions, actions, the jobs' scans) must reach rows through a
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
    await services.createShop({ id: "demo", name: "Demo", allowedOrigins: [], defaultLocale: "es", currency: "EUR" });
    const program = (await services.requireShop("demo")).program;
    await services.saveProgram(await services.requireShop("demo"), {
      ...program,
      pending: { days: 14 },
      expiry: { monthsInactive: 6, reminderDays: 14 },
      actions: [
        { id: "review", kind: "review", points: 10, limit: { count: 2, per: "month" }, title: { es: "Reseña" } },
        { id: "birthday", kind: "birthday", points: 50, limit: { count: 1, per: "year" }, title: { es: "Cumpleaños" } },
      ],
    });
    const shop = await services.requireShop("demo");
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
    await runDueJobs(services);
    await base.close();

    const db = new Database(file, { readonly: true });
    const plans = [...statements]
      .filter((sql) => /^\s*(SELECT|UPDATE|DELETE)/i.test(sql))
      .map((sql) => {
        const plain = sql.replace(/\s+FOR UPDATE\s*$/i, "");
        const params = Array((plain.match(/\?/g) ?? []).length).fill("x");
        return {
          sql: plain.replace(/\s+/g, " ").trim(),
          plan: (db.prepare(`EXPLAIN QUERY PLAN ${plain}`).all(...params) as { detail: string }[]).map((row) => row.detail),
        };
      });
    db.close();
    expect(plans.length).toBeGreaterThan(8);
    const bad = plans.filter(({ plan }) =>
      plan.some(
        (step) =>
          /^SCAN (ledger|customers|orders|codes|referrals|referral_visits|refunds|actions|events|customer_name_words)\b/.test(step) ||
          /_shop_(time|occurred|placed|joined|balance)\b/.test(step),
      ),
    );
    expect(bad).toEqual([]);
  });
});
