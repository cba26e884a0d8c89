import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Services } from "../../server/operations/services.ts";
import { openSqlite } from "../../server/storage/sqlite.ts";

export interface BenchShop {
  id: string;
  secretKey: string;
  signingSecret: string;
}

const ENTRY_DAYS = 300;

/**
 * An SQLite database with `customers` members and `entries` ledger entries spread evenly over them
 * (each balance equal to the sum of its entries), built once and reused from `.bench/`.
 */
export async function benchDatabase(file: string, customers: number, entries: number): Promise<BenchShop> {
  const keysFile = `${file}.keys.json`;
  if (existsSync(file) && existsSync(keysFile)) return (await import(keysFile, { with: { type: "json" } })).default as BenchShop;
  mkdirSync(dirname(file), { recursive: true });
  const building = `${file}.building`;
  rmSync(building, { force: true });
  const driver = openSqlite(building);
  await driver.migrate();
  const services = new Services(driver);
  const shop = await services.createShop({
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
  const now = Date.now();
  const perCustomer = Math.max(1, Math.floor(entries / customers));
  const insertCustomer = db.prepare(
    "INSERT INTO customers (shop_id, id, referral_code, balance, orders_count, created_at) VALUES ('bench', ?, ?, ?, ?, ?)",
  );
  const insertEntry = db.prepare(
    "INSERT INTO ledger (shop_id, customer_id, kind, points, cause_type, cause_id, order_id, created_at) VALUES ('bench', ?, 'earn', ?, 'order', ?, ?, ?)",
  );
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = `c${i}`;
      let balance = 0;
      for (let j = 0; j < perCustomer; j++) {
        const points = 10 + ((i * 31 + j * 17) % 90);
        balance += points;
        const orderId = `${id}-o${j}`;
        insertEntry.run(id, points, orderId, orderId, now - ((i + j * 29) % ENTRY_DAYS) * 86_400_000);
      }
      insertCustomer.run(id, `B${i.toString(36).toUpperCase().padStart(7, "0")}`, balance, perCustomer, now - 400 * 86_400_000);
    }
  });
  for (let from = 0; from < customers; from += 10_000) batch(from, Math.min(customers, from + 10_000));
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  renameSync(building, file);
  rmSync(`${building}-wal`, { force: true });
  rmSync(`${building}-shm`, { force: true });
  const { writeFileSync } = await import("node:fs");
  writeFileSync(keysFile, JSON.stringify(shop));
  return shop;
}
