// `npm run bench`: the endpoint's figures on loopback. Prints; asserts nothing.
//   --db sqlite|postgres   postgres also runs SQLite side by side, at 1M customers / 10M entries,
//                          with 1 and 2 endpoint processes (needs LOYALTY_BENCH_POSTGRES_URL)
//   --customers N --entries N   database size for the SQLite run (default 100,000 / 1,000,000)
//   --seconds N            length of each load run (default 10)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { migrations } from "../../server/storage/migrations.ts";
import { type EndpointFigures, measureEndpoint } from "./endpoint-figures.ts";
import { load } from "./load.ts";
import { startProcess } from "./processes.ts";
import { benchDatabase } from "./seed-database.ts";
import { benchPostgres } from "./seed-postgres.ts";
import { tokenCost } from "./tokens.ts";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    customers: { type: "string" },
    entries: { type: "string" },
    seconds: { type: "string", default: "10" },
  },
});
const seconds = Number(values.seconds);
const line = (label: string, value: string) => console.log(`  ${label.padEnd(46)} ${value}`);
const count = (n: number) => n.toLocaleString("en");
const hash = (dialect: "sqlite" | "postgres") =>
  createHash("sha256")
    .update(migrations.map((migration) => migration.sql(dialect)).join())
    .digest("hex")
    .slice(0, 8);

async function sqliteDatabase(customers: number, entries: number) {
  const file = resolve(`.bench/sqlite-${customers}-${entries}-${hash("sqlite")}.sqlite`);
  const started = Date.now();
  const shop = await benchDatabase(file, customers, entries);
  line(`SQLite ${count(customers)} / ${count(entries)} ready`, `${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { databaseUrl: `file:${file}`, shop };
}

async function postgresDatabase(server: string, customers: number, entries: number) {
  const started = Date.now();
  const database = await benchPostgres(server, customers, entries, hash("postgres"));
  line(`PostgreSQL ${count(customers)} / ${count(entries)} ready`, `${((Date.now() - started) / 1000).toFixed(1)} s`);
  return database;
}

console.log(`\nLoyalty endpoint benchmark — loopback, autocannon, 32 connections, ${seconds} s a run\n`);
// the endpoint as it runs in production: the build of `npm run build`
execFileSync("npx", ["vite", "build", "--mode", "server", "--logLevel", "error"], { stdio: "inherit" });

const tokens = tokenCost();
line("token check, first sight (HMAC, fast-jwt)", `${tokens.firstSight.toFixed(1)} µs`);
line("token check, repeat (remembered)", `${tokens.repeat.toFixed(1)} µs`);
line("bare node:crypto HMAC-SHA256", `${tokens.bareHmac.toFixed(1)} µs`);

const bare = await startProcess("test/bench/bare-server.mjs", 8901, {}, "/bare");
const ceiling = () => load({ url: bare.url, seconds, connections: 32, next: () => ({ path: "/bare" }) });

const results: { label: string; figures: EndpointFigures }[] = [];
let port = 8910;
async function measure(
  label: string,
  database: { databaseUrl: string; shop: { id: string; secretKey: string; signingSecret: string } },
  customers: number,
  processes = 1,
) {
  const figures = await measureEndpoint({ ...database, customers, processes, seconds, port, ceiling });
  port += 4;
  results.push({ label, figures });
}

if (values.db === "postgres") {
  const server = process.env.LOYALTY_BENCH_POSTGRES_URL ?? process.env.LOYALTY_TEST_POSTGRES_URL;
  if (!server) throw new Error("set LOYALTY_BENCH_POSTGRES_URL=postgres://... (a server the benchmark may create schemas in)");
  const small = { customers: 1_000, entries: 10_000 };
  const big = { customers: Number(values.customers ?? 1_000_000), entries: Number(values.entries ?? 10_000_000) };
  const sqliteSmall = await sqliteDatabase(small.customers, small.entries);
  const sqliteBig = await sqliteDatabase(big.customers, big.entries);
  const postgresSmall = await postgresDatabase(server, small.customers, small.entries);
  const postgresBig = await postgresDatabase(server, big.customers, big.entries);
  await measure(`SQLite, ${count(small.entries)} entries`, sqliteSmall, small.customers);
  await measure(`SQLite, ${count(big.entries)} entries`, sqliteBig, big.customers);
  await measure(`PostgreSQL, ${count(small.entries)} entries, 1 process`, postgresSmall, small.customers);
  await measure(`PostgreSQL, ${count(big.entries)} entries, 1 process`, postgresBig, big.customers);
  await measure(`PostgreSQL, ${count(big.entries)} entries, 2 processes`, postgresBig, big.customers, 2);
} else {
  const customers = Number(values.customers ?? 100_000);
  const entries = Number(values.entries ?? 1_000_000);
  await measure(`SQLite, ${count(customers)} customers, ${count(entries)} entries`, await sqliteDatabase(customers, entries), customers);
}

await bare.stop();

for (const { label, figures } of results) {
  const bareRps = figures.ceiling.reduce((sum, run) => sum + run.rps, 0) / figures.ceiling.length;
  console.log(`\n  ${label}`);
  line("bare Hono handler (ceiling), before / after", figures.ceiling.map((run) => `${count(run.rps)} req/s`).join(" / "));
  line(
    "widget payload with customer token, peak",
    `${count(figures.widgetPeak.rps)} req/s (${((figures.widgetPeak.rps / bareRps) * 100).toFixed(0)} % of the ceiling; target ≥ 50 %)`,
  );
  line(`widget payload at half peak`, `p50 ${figures.widgetHalf.p50} ms, p99 ${figures.widgetHalf.p99} ms (target p99 < 10 ms)`);
  line("order ingestion", `${count(figures.orders.rps)} orders/s, p99 ${figures.orders.p99} ms (target ≥ 2,000)`);
  line("endpoint peak RSS (largest process)", `${figures.peakRssMb.toFixed(0)} MB (target ≤ 200 MB)`);
  const failures = [figures.widgetPeak, figures.widgetHalf, figures.orders].reduce((sum, run) => sum + run.errors + run.non2xx, 0);
  if (failures) line("errors and non-2xx answers", String(failures));
}
console.log("");
