import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { z } from "zod/mini";
import { type DemoKeys, demoShoppers, seedDemoShop } from "./seed.ts";
import { allowOriginsAsOwner } from "./console-client.ts";
import { endpointCommand, startEndpointProcess } from "./endpoint-process.ts";
import { startDemoShop } from "./server.ts";

/**
 * `npm start` (after the build): the endpoint on SQLite as `npm run serve` starts it, the demo shop seeded into it over the
 * shop API, the demo owner's console account made by the endpoint's own CLI (`npm run console -- demo-owner`), the demo
 * shop itself, and the URLs to open.
 */
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? "127.0.0.1";
const demoPort = Number(process.env.DEMO_PORT ?? 5174);
const demoOrigins = [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`];
const endpointUrl = `http://${host}:${port}`;
// creates the demo shop on the first start: a key of the moment unless the operator API is configured already
const operatorKey = process.env.LOYALTY_OPERATOR_KEY || randomBytes(24).toString("base64url");
const env = { ...process.env, LOYALTY_OPERATOR_KEY: operatorKey };
const files = { serve: resolve("dist/server/serve.js"), console: resolve("dist/server/console.js") };
const DemoOwner = z.object({ email: z.string(), password: z.string() });

const endpoint = startEndpointProcess(files, endpointUrl, env);
let shop: Awaited<ReturnType<typeof startDemoShop>> | undefined;
let stopping = false;

/** Stops the demo shop and the endpoint, once, then ends with `code`. */
function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  void Promise.allSettled([shop?.stop(), endpoint.stop()]).then(() => process.exit(code));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stopAll(0));
// the endpoint ending by itself (a port in use, a bad DATABASE_URL) ends the demo too; it has said why
void endpoint.exited.then(stopAll);

function banner(shopUrl: string, keys: DemoKeys, created: boolean, marketer: { email: string; password: string }) {
  return `
  Demo shop          ${shopUrl}   ← open this
  Loyalty endpoint   ${endpointUrl}   (widget: ${endpointUrl}/loyalty.js, API: ${endpointUrl}/v1/openapi.json)
  Marketers' console ${endpointUrl}/console   (${marketer.email} / ${marketer.password}, development only)
  Demo shop "${keys.id}" ${created ? "created and seeded" : "reused from data/"}

  Shoppers to try (Entrar / Sign in):
${demoShoppers.map((shopper) => `    ${shopper.name.padEnd(14)} ${shopper.story.en}`).join("\n")}
  Store counter      ${shopUrl}/mostrador   (in-store purchases)

  DEVELOPMENT ONLY — the demo shop's keys (kept in data/demo-keys.json):
    secret key      ${keys.secretKey}
    signing secret  ${keys.signingSecret}

  Ports: PORT (endpoint, default 8787) and DEMO_PORT (demo shop, default 5174). Ctrl-C stops everything.
`;
}

/** Allows this start's demo origins, through the console as the demo owner; a changed password only costs a warning. */
async function allowDemoOrigins(owner: { email: string; password: string }) {
  const consoleOrigin = new URL(process.env.PUBLIC_URL || endpointUrl).origin;
  await allowOriginsAsOwner({ endpoint: endpointUrl, consoleOrigin, owner }, demoOrigins).catch((error: Error) =>
    console.warn(`Could not allow ${demoOrigins.join(" and ")} for the demo shop (${error.message}): add them in the console → Install.`),
  );
}

try {
  await endpoint.ready;
  const { keys, created } = await seedDemoShop({
    endpoint: endpointUrl,
    operatorKey,
    keysFile: resolve("data/demo-keys.json"),
    shopOrigins: demoOrigins,
  });
  const marketer = DemoOwner.parse(JSON.parse(await endpointCommand(files, ["demo-owner", keys.id], env)));
  // a demo shop started on another port than the seed's still gets a working widget
  if (!created) await allowDemoOrigins(marketer);
  shop = await startDemoShop({
    keys,
    endpointUrl: process.env.PUBLIC_URL || endpointUrl,
    port: demoPort,
    host,
    storeFile: resolve("data/demo-shop.json"),
    assetsDir: resolve("demo-shop/public"),
  });
  console.log(banner(shop.url, keys, created, marketer));
} catch (error) {
  if (!stopping) {
    console.error(error instanceof Error ? error.message : error);
    stopAll(1);
  }
}
