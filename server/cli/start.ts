import { resolve } from "node:path";
import { seedDemoShop, demoShoppers } from "../../demo-shop/seed.ts";
import { startDemoShop } from "../../demo-shop/server.ts";
import { readEnvironment } from "../config.ts";
import { seedDemoMarketer } from "../operations/console/seed.ts";
import { startEndpoint } from "./endpoint.ts";

/** `npm start`: the endpoint on SQLite with the demo shop seeded, the demo shop itself, and the URLs to open. */
const env = readEnvironment();
const demoPort = Number(process.env.DEMO_PORT ?? 5174);
const demoOrigins = [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`];
const endpoint = await startEndpoint({ ...env, operatorKey: env.operatorKey });
const { keys, created } = await seedDemoShop(endpoint.services, { keysFile: resolve("data/demo-keys.json"), shopOrigins: demoOrigins });
// a demo shop started on another port than the seed's still gets a working widget
const seeded = await endpoint.services.shops.require(keys.id);
const missing = demoOrigins.filter((origin) => !seeded.allowedOrigins.includes(origin));
if (missing.length) await endpoint.services.settings.saveAllowedOrigins(seeded, [...seeded.allowedOrigins, ...missing]);
const marketer = await seedDemoMarketer(endpoint.services, keys.id);
const shop = await startDemoShop({
  keys,
  endpointUrl: env.publicUrl ?? endpoint.url,
  port: demoPort,
  host: env.host,
  storeFile: resolve("data/demo-shop.json"),
  assetsDir: resolve("demo-shop/public"),
});

console.log(`
  Demo shop          ${shop.url}   ← open this
  Loyalty endpoint   ${endpoint.url}   (widget: ${endpoint.url}/loyalty.js, API: ${endpoint.url}/v1/openapi.json)
  Marketers' console ${endpoint.url}/console   (${marketer.email} / ${marketer.password}, development only)
  Demo shop "${keys.id}" ${created ? "created and seeded" : "reused from data/"}

  Shoppers to try (Entrar / Sign in):
${demoShoppers.map((shopper) => `    ${shopper.name.padEnd(14)} ${shopper.story.en}`).join("\n")}
  Store counter      ${shop.url}/mostrador   (in-store purchases)

  DEVELOPMENT ONLY — the demo shop's keys (kept in data/demo-keys.json):
    secret key      ${keys.secretKey}
    signing secret  ${keys.signingSecret}

  Ports: PORT (endpoint, default 8787) and DEMO_PORT (demo shop, default 5174). Ctrl-C stops everything.
`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    void Promise.allSettled([shop.stop(), endpoint.stop()]).then(() => process.exit(0));
  });
