import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { seedDemoShop } from "../../demo-shop/seed.ts";
import { startDemoShop } from "../../demo-shop/server.ts";
import { createApp } from "../../server/http/app.ts";
import { Services } from "../../server/operations/services.ts";
import { openSqlite } from "../../server/storage/sqlite.ts";

export interface RunningDemo {
  /** The demo shop's origin (http://localhost:PORT), another origin than the endpoint's. */
  shop: string;
  /** The loyalty endpoint's origin (http://127.0.0.1:PORT). */
  endpoint: string;
  /** Calls the shop-backend API with the demo shop's secret key, as its backend does. */
  backend(path: string): Promise<any>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ready) => probe.listen(0, "127.0.0.1", ready));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

/**
 * What `npm start` runs, on random ports over a fresh SQLite file: the endpoint serving the built
 * widget (in this process), the demo shop seeded into it over HTTP, and the demo shop's own server.
 */
export async function startDemo(): Promise<RunningDemo> {
  const dir = mkdtempSync(join(tmpdir(), "loyalty-demo-"));
  const driver = openSqlite(join(dir, "loyalty.sqlite"));
  await driver.migrate();
  const services = new Services(driver);
  const operatorKey = "demo-operator-key";
  const app = createApp(services, { operatorKey, rateLimit: false, trustProxy: false, widgetFile: resolve("dist/widget/loyalty.js"), log: () => {} });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }) as Server;
  await new Promise<void>((ready) => server.once("listening", () => ready()));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const shopPort = await freePort();
  const { keys } = await seedDemoShop({
    endpoint,
    operatorKey,
    keysFile: join(dir, "demo-keys.json"),
    shopOrigins: [`http://localhost:${shopPort}`],
  });
  const shop = await startDemoShop({
    keys,
    endpointUrl: endpoint,
    port: shopPort,
    host: "127.0.0.1",
    storeFile: join(dir, "demo-shop.json"),
    assetsDir: resolve("demo-shop/public"),
  });
  return {
    shop: shop.url,
    endpoint,
    async backend(path) {
      const response = await fetch(`${endpoint}${path}`, { headers: { authorization: `Bearer ${keys.secretKey}` } });
      return response.json();
    },
    async stop() {
      await shop.stop();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await driver.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
