import pg from "pg";
import { Services } from "../../server/operations/services.ts";
import { openPostgres } from "../../server/storage/postgres.ts";
import { DAY } from "../../contract/time.ts";
import { benchTiers, LAST_ORDER_SPREAD_DAYS, orderSpacing, ordersPerCustomer } from "./seed-data.ts";
import type { BenchShop } from "./seed-database.ts";

export interface BenchPostgres {
  /** The database's name on the server. */
  database: string;
  databaseUrl: string;
  shop: BenchShop;
}

const FILLED = ["customers", "orders", "ledger"];
const CUSTOMERS_PER_STATEMENT = 50_000;

/** The URL of another database on the same server. */
export function databaseUrlOf(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A copy of a bench database (the source must have no open connections), replacing any earlier copy of that name. */
export async function copyPostgres(serverUrl: string, source: string, copy: string): Promise<string> {
  await onServer(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${copy}`);
    // a file copy: the default strategy would write the whole database through the WAL
    await client.query(`CREATE DATABASE ${copy} TEMPLATE ${source} STRATEGY FILE_COPY`);
  });
  return databaseUrlOf(serverUrl, copy);
}

export const dropPostgres = (serverUrl: string, database: string) =>
  onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database}`).then(() => undefined));

/** What the seed writes, in SQL: the same orders, entries and members as `ordersOf` in seed-data.ts. */
function seedStatement(): string {
  const tiers = [...benchTiers].sort((a, b) => b.threshold - a.threshold);
  const tierId = `CASE ${tiers.map((tier) => `WHEN prior >= ${tier.threshold} THEN '${tier.id}'`).join(" ")} END`;
  const multiplier = `CASE ${tiers.map((tier) => `WHEN prior >= ${tier.threshold} THEN ${tier.multiplier}::numeric`).join(" ")} ELSE 1 END`;
  const iso = (ms: string) =>
    `to_char(to_timestamp(${ms} / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || '.' || lpad((${ms} % 1000)::text, 3, '0') || 'Z'`;
  const json = (text: string) => `'"' || ${text} || '"'`;
  return `
WITH base AS (
  SELECT i, age, 'c' || i AS customer_id, 'c' || i || '-o' || age AS id, 10 + ((i * 31 + age * 17) % 90) AS points,
    $1::bigint - ((i * 7919) % ${LAST_ORDER_SPREAD_DAYS}) * ${DAY} - (i % 86400) * 1000 - age * $4::bigint AS placed_at
  FROM generate_series($2::bigint, $3::bigint - 1) i, generate_series(0::bigint, $5::bigint - 1) age
), earlier AS (
  SELECT *, COALESCE(SUM(points) OVER (PARTITION BY i ORDER BY age DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS prior FROM base
), rated AS (
  SELECT *, ${tierId} AS tier_id, ${multiplier} AS multiplier FROM earlier
), priced AS (
  SELECT *, ceil(points * 100 / multiplier)::bigint AS subtotal_minor, CASE WHEN age % 4 = 3 THEN 'store' ELSE 'online' END AS channel FROM rated
), seed AS (
  SELECT *,
    '{"id":"' || id || '","customerId":"' || customer_id || '","subtotal":"' || (subtotal_minor / 100) || '.' || lpad((subtotal_minor % 100)::text, 2, '0')
      || '","currency":"EUR","channel":"' || channel || '","discountCodes":[],"placedAt":"' || ${iso("placed_at")} || '"}' AS request,
    '{"orderId":"' || id || '","customerId":"' || customer_id || '","pointsEarned":' || points || ',"balance":' || (prior + points)
      || ',"rate":{"pointsPerUnit":1,"multiplier":' || trim_scale(multiplier) || ',"tierId":' || COALESCE(${json("tier_id")}, 'null')
      || ',"campaignId":null},"discountCodes":[],"referral":null}' AS result
  FROM priced
), members AS (
  INSERT INTO customers (shop_id, id, referral_code, balance, orders_count, last_earned_at, version, created_at)
  SELECT 'bench', customer_id, 'B' || lpad(upper(to_hex(i)), 8, '0'), prior + points, $5::bigint, placed_at, $5::bigint, placed_at - ($5::bigint - 1) * $4::bigint
  FROM seed WHERE age = 0
), placed AS (
  INSERT INTO orders (shop_id, id, customer_id, subtotal_minor, currency, channel, placed_at, points_earned, points_per_unit, multiplier,
    tier_id, campaign_id, request_hash, result, created_at)
  SELECT 'bench', id, customer_id, subtotal_minor, 'EUR', channel, placed_at, points, 1, multiplier, tier_id, NULL,
    translate(rtrim(encode(sha256(convert_to(request, 'UTF8')), 'base64'), '='), '+/', '-_'), result, placed_at
  FROM seed ORDER BY i, age DESC
)
INSERT INTO ledger (shop_id, customer_id, kind, points, cause_type, cause_id, order_id, created_at, occurred_at)
SELECT 'bench', customer_id, 'earn', points, 'order', id, id, placed_at, placed_at FROM seed ORDER BY i, age DESC`;
}

/**
 * A PostgreSQL database with `customers` members and about `entries` orders and their ledger entries (see seed-data.ts),
 * generated inside the server and reused by later runs. It is a database of its own, so that a job run can work on a
 * quick file copy of it.
 */
export async function benchPostgres(serverUrl: string, customers: number, entries: number, schemaHash: string): Promise<BenchPostgres> {
  const database = `loyalty_bench_${customers}_${entries}_${schemaHash}`;
  const databaseUrl = databaseUrlOf(serverUrl, database);
  const existing = await onServer(serverUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount) {
      const shop = await onServer(databaseUrl, async (bench) => {
        const ready = await bench.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'bench_meta'");
        return ready.rowCount ? ((await bench.query("SELECT shop FROM bench_meta")).rows[0]?.shop as string | undefined) : undefined;
      });
      if (shop) return JSON.parse(shop) as BenchShop;
      await client.query(`DROP DATABASE ${database}`);
    }
    await client.query(`CREATE DATABASE ${database}`);
    return undefined;
  });
  if (existing) return { database, databaseUrl, shop: existing };

  const driver = openPostgres(databaseUrl, { poolSize: 2 });
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

  await onServer(databaseUrl, async (client) => {
    const indexes = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1)
       AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
      [FILLED],
    );
    for (const { indexname } of indexes.rows) await client.query(`DROP INDEX ${indexname}`);
    const perCustomer = ordersPerCustomer(customers, entries);
    const statement = seedStatement();
    const now = Date.now();
    for (let from = 0; from < customers; from += CUSTOMERS_PER_STATEMENT)
      await client.query(statement, [now, from, Math.min(customers, from + CUSTOMERS_PER_STATEMENT), orderSpacing(perCustomer), perCustomer]);
    for (const { indexdef } of indexes.rows) await client.query(indexdef);
    await client.query("VACUUM ANALYZE");
    await client.query("CREATE TABLE bench_meta (shop TEXT NOT NULL)");
    await client.query("INSERT INTO bench_meta (shop) VALUES ($1)", [JSON.stringify(shop)]);
  });
  return { database, databaseUrl, shop };
}
