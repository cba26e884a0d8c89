// `npm run bench`: the endpoint's figures on loopback, a job run over a whole shop with orders alongside, and the widget's
// cost to a shop page in Chromium. Prints; asserts nothing.
//   --db sqlite|postgres   postgres also runs SQLite side by side, at 1M customers / 10M entries, with 1 and 2 endpoint
//                          processes, and the jobs at 1M customers on both (needs LOYALTY_BENCH_POSTGRES_URL)
//   --customers N --entries N   database size for the SQLite run (default 100,000 / 1,000,000)
//   --seconds N            length of each load run (default 10)
//   --only endpoint,jobs,page   run only these parts (default all three)
//   --order-rate N         orders/s sent while the jobs run (default 300)
//   --jobs-limit N         seconds after which an unfinished job run is stopped and its progress reported (default 300)
//   --page-runs N          page loads per variant in Chromium (default 8)
//   --page-cpu-slowdown N  CPU throttling for the page loads, as Lighthouse's mobile run does with 4 (default 1: none)
//   --ratio-runs N         peak runs of the boot request, each between two runs of the bare handler (default 3)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { constants, copyFileSync, existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { migrations } from "../../server/storage/migrations.ts";
import { type EndpointFigures, measureEndpoint } from "./endpoint-figures.ts";
import { type DatabaseCopy, measureJobs } from "./jobs-figures.ts";
import { describeJobs } from "./jobs-report.ts";
import { load } from "./load.ts";
import { measurePage } from "./page-figures.ts";
import { describePage } from "./page-report.ts";
import { startProcess } from "./processes.ts";
import { type BenchShop, benchDatabase } from "./seed-database.ts";
import { benchPostgres, copyPostgres, dropPostgres } from "./seed-postgres.ts";
import { tokenCost } from "./tokens.ts";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    customers: { type: "string" },
    entries: { type: "string" },
    seconds: { type: "string", default: "10" },
    only: { type: "string", default: "endpoint,jobs,page" },
    "order-rate": { type: "string", default: "300" },
    "jobs-limit": { type: "string", default: "300" },
    "page-runs": { type: "string", default: "8" },
    "page-cpu-slowdown": { type: "string", default: "1" },
    "ratio-runs": { type: "string", default: "3" },
  },
});
const seconds = Number(values.seconds);
const parts = new Set(values.only.split(","));
for (const part of parts) if (!["endpoint", "jobs", "page"].includes(part)) throw new Error(`--only: unknown part ${part}`);
const line = (label: string, value: string) => console.log(`  ${label.padEnd(46)} ${value}`);
const count = (n: number) => n.toLocaleString("en");
const hash = (dialect: "sqlite" | "postgres") =>
  createHash("sha256")
    // a migration with nothing to do on this engine leaves its bench databases as they are
    .update(
      migrations
        .map((migration) => migration.sql(dialect))
        .filter(Boolean)
        .join(),
    )
    .digest("hex")
    .slice(0, 8);

interface BenchDatabase {
  databaseUrl: string;
  shop: BenchShop;
  /** A throwaway copy, for runs that change the data (the jobs). */
  copy(): Promise<DatabaseCopy>;
}

async function sqliteDatabase(customers: number, entries: number): Promise<BenchDatabase> {
  const file = resolve(`.bench/sqlite-${customers}-${entries}-${hash("sqlite")}.sqlite`);
  const started = Date.now();
  const shop = await benchDatabase(file, customers, entries);
  line(`SQLite ${count(customers)} / ${count(entries)} ready`, `${((Date.now() - started) / 1000).toFixed(1)} s`);
  const copyFile = resolve(".bench/jobs-copy.sqlite");
  const remove = () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${copyFile}${suffix}`, { force: true });
  };
  const copy = async () => {
    remove();
    copyFileSync(file, copyFile, constants.COPYFILE_FICLONE);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copyFile}-wal`, constants.COPYFILE_FICLONE);
    return { databaseUrl: `file:${copyFile}`, drop: async () => remove() };
  };
  return { databaseUrl: `file:${file}`, shop, copy };
}

async function postgresDatabase(server: string, customers: number, entries: number): Promise<BenchDatabase> {
  const started = Date.now();
  const { database, databaseUrl, shop } = await benchPostgres(server, customers, entries, hash("postgres"));
  line(`PostgreSQL ${count(customers)} / ${count(entries)} ready`, `${((Date.now() - started) / 1000).toFixed(1)} s`);
  const copyName = "loyalty_bench_jobs_copy";
  const copy = async () => ({ databaseUrl: await copyPostgres(server, database, copyName), drop: () => dropPostgres(server, copyName) });
  return { databaseUrl, shop, copy };
}

console.log(`\nLoyalty endpoint benchmark — loopback, keep-alive connections (load.ts), 32 connections, ${seconds} s a run\n`);
// the endpoint as it runs in production: the build of `npm run build`
execFileSync("npx", ["vite", "build", "--mode", "server", "--logLevel", "error"], { stdio: "inherit" });

if (parts.has("endpoint")) {
  const tokens = tokenCost();
  line("token check, first sight (HMAC, fast-jwt)", `${tokens.firstSight.toFixed(1)} µs`);
  line("token check, repeat (remembered)", `${tokens.repeat.toFixed(1)} µs`);
  line("bare node:crypto HMAC-SHA256", `${tokens.bareHmac.toFixed(1)} µs`);
}

const bare = parts.has("endpoint") ? await startProcess("test/bench/bare-server.mjs", 8901, {}, "/bare") : undefined;
const ceiling = () => load({ url: bare?.url ?? "", seconds, connections: 32, next: () => ({ path: "/bare" }) });

const results: { label: string; figures: EndpointFigures }[] = [];
let port = 8910;
async function measure(label: string, database: BenchDatabase, customers: number, processes = 1) {
  if (!parts.has("endpoint")) return;
  const figures = await measureEndpoint({ ...database, customers, processes, seconds, port, ceiling, ratioRuns: Number(values["ratio-runs"]) });
  port += 4;
  results.push({ label, figures });
}
async function measureJobRun(label: string, database: BenchDatabase, customers: number) {
  if (!parts.has("jobs")) return;
  const figures = await measureJobs({
    copy: database.copy,
    shop: database.shop,
    customers,
    port,
    orderRate: Number(values["order-rate"]),
    seconds,
    limitSeconds: Number(values["jobs-limit"]),
  });
  port += 4;
  // printed at once: a run over a million customers takes minutes
  console.log("");
  for (const text of describeJobs(label, figures)) console.log(`  ${text}`);
}

if (parts.has("endpoint") || parts.has("jobs")) {
  if (values.db === "postgres") {
    const server = process.env.LOYALTY_BENCH_POSTGRES_URL ?? process.env.LOYALTY_TEST_POSTGRES_URL;
    if (!server) throw new Error("set LOYALTY_BENCH_POSTGRES_URL=postgres://... (a server the benchmark may create databases in)");
    const small = { customers: 1_000, entries: 10_000 };
    const big = { customers: Number(values.customers ?? 1_000_000), entries: Number(values.entries ?? 10_000_000) };
    const sqliteSmall = parts.has("endpoint") ? await sqliteDatabase(small.customers, small.entries) : undefined;
    const sqliteBig = await sqliteDatabase(big.customers, big.entries);
    const postgresSmall = parts.has("endpoint") ? await postgresDatabase(server, small.customers, small.entries) : undefined;
    const postgresBig = await postgresDatabase(server, big.customers, big.entries);
    if (sqliteSmall) await measure(`SQLite, ${count(small.entries)} entries`, sqliteSmall, small.customers);
    await measure(`SQLite, ${count(big.entries)} entries`, sqliteBig, big.customers);
    if (postgresSmall) await measure(`PostgreSQL, ${count(small.entries)} entries, 1 process`, postgresSmall, small.customers);
    await measure(`PostgreSQL, ${count(big.entries)} entries, 1 process`, postgresBig, big.customers);
    await measure(`PostgreSQL, ${count(big.entries)} entries, 2 processes`, postgresBig, big.customers, 2);
    await measureJobRun(`SQLite, ${count(big.customers)} customers`, sqliteBig, big.customers);
    await measureJobRun(`PostgreSQL, ${count(big.customers)} customers, 1 process`, postgresBig, big.customers);
  } else {
    const customers = Number(values.customers ?? 100_000);
    const entries = Number(values.entries ?? 1_000_000);
    const database = await sqliteDatabase(customers, entries);
    await measure(`SQLite, ${count(customers)} customers, ${count(entries)} entries`, database, customers);
    await measureJobRun(`SQLite, ${count(customers)} customers`, database, customers);
  }
}

await bare?.stop();

for (const { label, figures } of results) {
  const bareRps = figures.ceiling.reduce((sum, run) => sum + run.rps, 0) / figures.ceiling.length;
  console.log(`\n  ${label}`);
  line("bare Hono handler (ceiling), around each run", figures.ceiling.map((run) => `${count(run.rps)}`).join(" / ") + " req/s");
  const share = (rps: number) => `${((rps / bareRps) * 100).toFixed(0)} % of the ceiling`;
  line("widget boot request with customer token, peak", `${count(figures.widgetPeak.rps)} req/s (${share(figures.widgetPeak.rps)}; target ≥ 50 %)`);
  const percents = figures.ratios.map((ratio) => Math.round(ratio * 100));
  line(
    `boot request ÷ ceiling, ${percents.length} runs`,
    `${Math.min(...percents)}–${Math.max(...percents)} % (${percents.map((percent) => `${percent} %`).join(", ")})`,
  );
  line(`widget boot request at half peak`, `p50 ${figures.widgetHalf.p50} ms, p99 ${figures.widgetHalf.p99} ms (target p99 < 10 ms)`);
  line("whole widget answer (no ?view=boot), peak", `${count(figures.fullPeak.rps)} req/s (${share(figures.fullPeak.rps)})`);
  line("order ingestion", `${count(figures.orders.rps)} orders/s, p99 ${figures.orders.p99} ms (target ≥ 2,000)`);
  line("endpoint peak RSS (largest process)", `${figures.peakRssMb.toFixed(0)} MB (target ≤ 200 MB)`);
  const failures = [figures.widgetPeak, figures.widgetHalf, figures.fullPeak, figures.orders].reduce((sum, run) => sum + run.errors + run.non2xx, 0);
  if (failures) line("errors and non-2xx answers", String(failures));
}

if (parts.has("page")) {
  // the widget as a shop gets it: the build of `npm run build`, whatever files it is made of
  execFileSync("npx", ["vite", "build", "--logLevel", "error"], { stdio: "inherit" });
  const runs = Number(values["page-runs"]);
  const cpuSlowdown = Number(values["page-cpu-slowdown"]);
  const started = Date.now();
  const results = await measurePage({ runs, port: 8960, cpuSlowdown });
  console.log("");
  for (const text of describePage(results, { runs, cpuSlowdown })) console.log(`  ${text}`);
  console.log(`  ${"(page loads took".padEnd(46)} ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
console.log("");
