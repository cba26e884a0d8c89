import pg from "pg";
import { Services } from "../../server/operations/services.ts";
import { openPostgres } from "../../server/storage/postgres.ts";
import type { BenchShop } from "./seed-database.ts";

/**
 * A PostgreSQL schema with `customers` members and `entries` ledger entries (balances equal to the
 * sums), generated inside the server with generate_series and reused by later runs.
 */
export async function benchPostgres(
  serverUrl: string,
  customers: number,
  entries: number,
  schemaHash: string,
): Promise<{ databaseUrl: string; shop: BenchShop }> {
  const schema = `bench_${customers}_${entries}_${schemaHash}`;
  const url = new URL(serverUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const databaseUrl = url.toString();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const ready = await admin.query("SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'bench_meta'", [schema]);
    if (ready.rowCount) {
      const meta = await admin.query(`SELECT shop FROM ${schema}.bench_meta`);
      return { databaseUrl, shop: JSON.parse(meta.rows[0].shop) as BenchShop };
    }
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }

  const driver = openPostgres(databaseUrl, { poolSize: 2 });
  await driver.migrate();
  const shop = await new Services(driver).createShop({
    id: "bench",
    name: "Bench",
    allowedOrigins: ["http://127.0.0.1:9"],
    defaultLocale: "es",
    currency: "EUR",
    timeZone: "Europe/Madrid",
  });
  await driver.close();

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const now = Date.now();
  const day = 86_400_000;
  await client.query(
    `INSERT INTO customers (shop_id, id, referral_code, balance, orders_count, created_at)
     SELECT 'bench', 'c' || g, 'B' || lpad(upper(to_hex(g)), 8, '0'), 0, 0, $2::bigint FROM generate_series(0, $1::int - 1) g`,
    [customers, now - 400 * day],
  );
  for (let from = 0; from < entries; from += 1_000_000) {
    await client.query(
      `INSERT INTO ledger (shop_id, customer_id, kind, points, cause_type, cause_id, order_id, created_at)
       SELECT 'bench', 'c' || (g % $3::int), 'earn', 10 + (g % 90), 'order', 'seed-' || g, 'seed-' || g, $4::bigint - (g % 300) * ${day}::bigint
       FROM generate_series($1::int, $2::int - 1) g`,
      [from, Math.min(entries, from + 1_000_000), customers, now],
    );
  }
  await client.query(
    `UPDATE customers c SET balance = s.total, orders_count = s.n
     FROM (SELECT customer_id, SUM(points) AS total, COUNT(*) AS n FROM ledger GROUP BY customer_id) s
     WHERE c.shop_id = 'bench' AND c.id = s.customer_id`,
  );
  await client.query("VACUUM ANALYZE");
  await client.query("CREATE TABLE bench_meta (shop TEXT NOT NULL)");
  await client.query("INSERT INTO bench_meta (shop) VALUES ($1)", [JSON.stringify(shop)]);
  await client.end();
  return { databaseUrl, shop };
}
