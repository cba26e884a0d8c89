import { resolve } from "node:path";
import { seedDemoShop } from "../../demo-shop/seed.ts";
import { readEnvironment } from "../config.ts";
import { startEndpoint } from "./endpoint.ts";

/** `npm start`: the endpoint on SQLite with the demo shop seeded, and the URLs to open. */
const env = readEnvironment();
const demoPort = Number(process.env.DEMO_PORT ?? 5174);
const demoOrigins = [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`];
const endpoint = await startEndpoint({ ...env, operatorKey: env.operatorKey });
const { keys, created } = await seedDemoShop(endpoint.services, { keysFile: resolve("data/demo-keys.json"), shopOrigins: demoOrigins });

console.log(`
  Loyalty endpoint   ${endpoint.url}   (widget: ${endpoint.url}/loyalty.js, API: ${endpoint.url}/v1/openapi.json)
  Demo shop "${keys.id}" ${created ? "created and seeded" : "reused from data/"}

  DEVELOPMENT ONLY — the demo shop's keys (kept in data/demo-keys.json):
    secret key      ${keys.secretKey}
    signing secret  ${keys.signingSecret}

  Ctrl-C stops everything.
`);

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void endpoint.stop().then(() => process.exit(0));
  });
