// `npm run bench`: the endpoint's figures on loopback. Prints; asserts nothing.
//   --customers N   members in the database (default 100000)
//   --entries N     ledger entries (default 1000000)
//   --seconds N     length of each load run (default 10)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { signCustomerToken } from "../../server/sdk/sign-customer-token.ts";
import { migrations } from "../../server/storage/migrations.ts";
import { benchDatabase } from "./seed-database.ts";
import { load } from "./load.ts";
import { startProcess } from "./processes.ts";
import { tokenCost } from "./tokens.ts";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "100000" },
    entries: { type: "string", default: "1000000" },
    seconds: { type: "string", default: "10" },
    db: { type: "string", default: "sqlite" },
  },
});
const customers = Number(values.customers);
const entries = Number(values.entries);
const seconds = Number(values.seconds);
const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);

console.log(
  `\nLoyalty endpoint benchmark — ${customers.toLocaleString("en")} customers, ${entries.toLocaleString("en")} ledger entries, SQLite, loopback\n`,
);

const started = Date.now();
// the schema's hash is in the name: a changed migration builds a new database
const schema = createHash("sha256")
  .update(migrations.map((migration) => migration.sql("sqlite")).join())
  .digest("hex")
  .slice(0, 8);
const file = resolve(`.bench/sqlite-${customers}-${entries}-${schema}.sqlite`);
const shop = await benchDatabase(file, customers, entries);
line("database ready", `${((Date.now() - started) / 1000).toFixed(1)} s (${file.replace(resolve("."), ".")})`);

const tokens = tokenCost();
line("token check, first sight (HMAC, fast-jwt)", `${tokens.firstSight.toFixed(1)} µs`);
line("token check, repeat (cached)", `${tokens.repeat.toFixed(1)} µs`);
line("bare node:crypto HMAC-SHA256", `${tokens.bareHmac.toFixed(1)} µs`);

const bare = await startProcess("test/bench/bare-server.mjs", 8901, {}, "/bare");
const bareRun = await load({ url: bare.url, seconds, connections: 32, next: () => ({ path: "/bare" }) });
await bare.stop();

// the endpoint as it runs in production: the build of `npm run build`
execFileSync("npx", ["vite", "build", "--mode", "server", "--logLevel", "error"], { stdio: "inherit" });
const endpoint = await startProcess("dist/server/serve.js", 8902, { DATABASE_URL: `file:${file}` }, "/healthz");
const paths = Array.from({ length: 5000 }, (_, i) => {
  const customerId = `c${(i * 7919) % customers}`;
  return `/v1/shops/bench/widget?token=${signCustomerToken({ signingSecret: shop.signingSecret, shop: "bench", customerId, expiresIn: 86_400 })}`;
});
let cursor = 0;
const nextWidget = () => ({ path: paths[cursor++ % paths.length] as string });
await load({ url: endpoint.url, seconds: 2, connections: 32, next: nextWidget }); // warm-up
const widgetPeak = await load({ url: endpoint.url, seconds, connections: 32, next: nextWidget });
const widgetHalf = await load({ url: endpoint.url, seconds, connections: 32, rate: Math.round(widgetPeak.rps / 2), next: nextWidget });

let orderSeq = 0;
const runId = Date.now().toString(36);
const placedAt = new Date().toISOString();
const orders = await load({
  url: endpoint.url,
  seconds,
  connections: 32,
  method: "POST",
  headers: { authorization: `Bearer ${shop.secretKey}`, "content-type": "application/json" },
  next: () => {
    const n = orderSeq++;
    const body = {
      id: `bench-${runId}-${n}`,
      customerId: `c${(n * 104_729) % customers}`,
      subtotal: `${20 + (n % 80)}.95`,
      currency: "EUR",
      channel: "online",
      placedAt,
    };
    return { path: "/v1/orders", body: JSON.stringify(body) };
  },
});
const rss = endpoint.peakRssMb();
await endpoint.stop();

console.log("");
line("bare Hono handler (ceiling)", `${bareRun.rps.toLocaleString("en")} req/s, p99 ${bareRun.p99} ms`);
line("widget payload with customer token, peak", `${widgetPeak.rps.toLocaleString("en")} req/s, p99 ${widgetPeak.p99} ms`);
line("widget payload / bare handler", `${((widgetPeak.rps / bareRun.rps) * 100).toFixed(0)} %   (target ≥ 50 %)`);
line(
  `widget payload at half peak (${Math.round(widgetPeak.rps / 2)} req/s)`,
  `p50 ${widgetHalf.p50} ms, p99 ${widgetHalf.p99} ms   (target p99 < 10 ms)`,
);
line("order ingestion, synchronous=FULL", `${orders.rps.toLocaleString("en")} orders/s, p99 ${orders.p99} ms   (target ≥ 2,000)`);
line("endpoint peak RSS", `${rss.toFixed(0)} MB   (target ≤ 200 MB)`);
const failures = [bareRun, widgetPeak, widgetHalf, orders].reduce((sum, run) => sum + run.errors + run.non2xx, 0);
line("errors and non-2xx answers", String(failures));
console.log("");
