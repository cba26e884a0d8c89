import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createServer } from "node:http";
import { createListener } from "../../server/http/app.ts";
import { Services } from "../../server/operations/services.ts";
import { signCustomerToken } from "../../server/sdk/sign-customer-token.js";
import { openSqlite } from "../../server/storage/sqlite.ts";

export interface RunningEndpoint {
  url: string;
  shopId: string;
  secretKey: string;
  signingSecret: string;
  services: Services;
  token(customerId: string, expiresIn?: number): string;
  /** Calls the shop-backend API (orders, adjustments, program, theme) with the shop's secret key. */
  backend(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>;
  stop(): Promise<void>;
}

/**
 * A real endpoint listening on 127.0.0.1 (random port) over a fresh SQLite file, serving the built
 * widget from dist/widget/loyalty.js, with one shop whose allowed origins are given.
 */
export async function startTestEndpoint(options: { allowedOrigins: string[]; shopId?: string; rateLimit?: boolean }): Promise<RunningEndpoint> {
  const dir = mkdtempSync(join(tmpdir(), "loyalty-e2e-"));
  const driver = openSqlite(join(dir, "loyalty.sqlite"));
  await driver.migrate();
  const services = new Services(driver);
  const operatorKey = "e2e-operator-key-0123456789";
  const listener = createListener(services, {
    operatorKey,
    rateLimit: options.rateLimit ?? false,
    trustProxy: false,
    widgetFile: resolve("dist/widget/loyalty.js"),
    log: () => {},
  });
  // the endpoint's own listener: the app and the boot request's lane
  const server = createServer(listener).listen(0, "127.0.0.1");
  await new Promise<void>((ready) => server.once("listening", () => ready()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const shopId = options.shopId ?? "demo";
  const created = await fetch(`${url}/v1/operator/shops`, {
    method: "POST",
    headers: { authorization: `Bearer ${operatorKey}`, "content-type": "application/json" },
    body: JSON.stringify({
      id: shopId,
      name: "Tienda Demo",
      allowedOrigins: options.allowedOrigins,
      defaultLocale: "es",
      currency: "EUR",
      timeZone: "Europe/Madrid",
    }),
  });
  const { secretKey, signingSecret } = (await created.json()) as { secretKey: string; signingSecret: string };
  return {
    url,
    shopId,
    secretKey,
    signingSecret,
    services,
    token: (customerId, expiresIn = 3600) => signCustomerToken({ signingSecret, shop: shopId, customerId, expiresIn }),
    async backend(method, path, body) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${secretKey}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await driver.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
