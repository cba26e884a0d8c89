import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Services } from "../../server/operations/services.ts";
import { openSqlite } from "../../server/storage/sqlite.ts";
import { ordersOf, ordersPerCustomer } from "./seed-data.ts";

export interface BenchShop {
  id: string;
  secretKey: string;
  signingSecret: string;
}

/** The tables the seed fills; their secondary indexes are built after the rows, which is much faster than row by row. */
const FILLED = ["customers", "orders", "ledger"];

/**
 * An SQLite database with `customers` members and about `entries` orders and their ledger entries (see seed-data.ts),
 * built once and reused from `.bench/`.
 */
export async function benchDatabase(file: string, customers: number, entries: number): Promise<BenchShop> {
  const keysFile = `${file}.keys.json`;
  if (existsSync(file) && existsSync(keysFile)) return JSON.parse(readFileSync(keysFile, "utf8")) as BenchShop;
  mkdirSync(dirname(file), { recursive: true });
  const building = `${file}.building`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${building}${suffix}`, { force: true });
  const driver = openSqlite(building);
  await driver.migrate();
  const shop = await new Services(driver).settings.createShop({
    id: "bench",
    name: "Bench",
    allowedOrigins: ["http://127.0.0.1:9"],
    defaultLocale: "es",
    currency: "EUR",
    timeZone: "Europe/Madrid",
  });
  await driver.close();

  const db = new Database(building);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -1000000");
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${FILLED.map(() => "?").join(", ")})`)
    .all(...FILLED) as { name: string; sql: string }[];
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);

  const now = Date.now();
  const perCustomer = ordersPerCustomer(customers, entries);
  const insertCustomer = db.prepare(
    `INSERT INTO customers (shop_id, id, referral_code, balance, orders_count, last_earned_at, version, created_at)
     VALUES ('bench', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOrder = db.prepare(
    `INSERT INTO orders (shop_id, id, customer_id, subtotal_minor, currency, channel, placed_at, points_earned, points_per_unit, multiplier,
       tier_id, campaign_id, request_hash, result, created_at)
     VALUES ('bench', ?, ?, ?, 'EUR', ?, ?, ?, 1, ?, ?, NULL, ?, ?, ?)`,
  );
  const insertEntry = db.prepare(
    `INSERT INTO ledger (shop_id, customer_id, kind, points, cause_type, cause_id, order_id, created_at, occurred_at)
     VALUES ('bench', ?, 'earn', ?, 'order', ?, ?, ?, ?)`,
  );
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const orders = ordersOf(now, i, perCustomer);
      const first = orders[0];
      const last = orders[orders.length - 1];
      if (!first || !last) continue;
      insertCustomer.run(
        last.customerId,
        `B${i.toString(36).toUpperCase().padStart(7, "0")}`,
        last.balance,
        orders.length,
        last.placedAt,
        orders.length,
        first.placedAt,
      );
      for (const order of orders) {
        insertOrder.run(
          order.id,
          order.customerId,
          order.subtotalMinor,
          order.channel,
          order.placedAt,
          order.points,
          order.tier?.multiplier ?? 1,
          order.tier?.id ?? null,
          order.requestHash,
          order.result,
          order.placedAt,
        );
        insertEntry.run(order.customerId, order.points, order.id, order.id, order.placedAt, order.placedAt);
      }
    }
  });
  for (let from = 0; from < customers; from += 10_000) batch(from, Math.min(customers, from + 10_000));
  for (const { sql } of indexes) db.exec(sql);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  renameSync(building, file);
  rmSync(`${building}-wal`, { force: true });
  rmSync(`${building}-shm`, { force: true });
  writeFileSync(keysFile, JSON.stringify(shop));
  return shop;
}
