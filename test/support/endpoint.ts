import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../server/http/app.ts";
import { Services } from "../../server/operations/services.ts";
import { signCustomerToken } from "../../server/sdk/sign-customer-token.js";
import { freshDriver } from "./database.ts";
import type { AppConfig } from "../../server/http/env.ts";
import type { Driver } from "../../server/storage/driver.ts";
import type { Program } from "../../contract/index.ts";
import type { TransportPolicy } from "../../server/operations/webhook-transport.ts";

export const OPERATOR_KEY = "test-operator-key-0123456789";
export const SHOP_ORIGIN = "https://shop.example";

export interface TestEndpointOptions {
  /** A fixed or movable clock; default the real one. */
  clock?: { now: number };
  rateLimit?: boolean;
  /** Take the client's address from X-Forwarded-For (as behind a proxy). */
  trustProxy?: boolean;
  driver?: Driver;
  /** Receives the endpoint's log lines. */
  log?: (line: string) => void;
  /** More of the app's configuration (log format, metrics token, draining). */
  config?: Partial<AppConfig>;
  /** Where webhooks may go (default: public addresses only, as in production). */
  webhooks?: TransportPolicy;
}

/** A real endpoint on a fresh SQLite file with one shop, driven through `app.request()`. */
export async function testEndpoint(options: TestEndpointOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), "loyalty-test-"));
  const fresh = options.driver ? { driver: options.driver, drop: async () => {} } : await freshDriver(dir);
  const driver = fresh.driver;
  await driver.migrate();
  const clock = options.clock;
  const services = new Services(driver, { now: clock ? () => clock.now : Date.now, webhooks: options.webhooks });
  const app = createApp(services, {
    operatorKey: OPERATOR_KEY,
    rateLimit: options.rateLimit ?? false,
    trustProxy: options.trustProxy ?? false,
    log: options.log ?? (() => {}),
    ...options.config,
  });

  const call = async (method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; raw?: string } = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    let body: string | undefined = init.raw;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await app.request(path, { method, headers, body });
    const text = await response.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: response.status, headers: response.headers, json };
  };

  const created = await call("POST", "/v1/operator/shops", {
    headers: { authorization: `Bearer ${OPERATOR_KEY}` },
    body: { id: "demo", name: "Demo", allowedOrigins: [SHOP_ORIGIN], defaultLocale: "es", currency: "EUR", timeZone: "Europe/Madrid" },
  });
  if (created.status !== 201) throw new Error(`shop not created: ${JSON.stringify(created.json)}`);
  const { secretKey, signingSecret } = created.json as { secretKey: string; signingSecret: string };
  const asShop = { authorization: `Bearer ${secretKey}` };

  const nowSeconds = () => Math.floor((clock?.now ?? Date.now()) / 1000);
  const token = (customerId: string, shop = "demo") => signCustomerToken({ signingSecret, shop, customerId, issuedAt: nowSeconds() });
  const asCustomer = (customerId: string) => ({ authorization: `Bearer ${token(customerId)}` });

  let orderSeq = 0;
  const order = (customerId: string, subtotal: string, extra: Record<string, unknown> = {}) =>
    call("POST", "/v1/orders", {
      headers: asShop,
      body: {
        id: `o-${++orderSeq}`,
        customerId,
        subtotal,
        currency: "EUR",
        channel: "online",
        discountCodes: [],
        placedAt: new Date(clock?.now ?? Date.now()).toISOString(),
        ...extra,
      },
    });

  const setProgram = async (change: (program: Program) => Program) => {
    const current = (await call("GET", "/v1/program", { headers: asShop })).json as Program;
    const saved = await call("PUT", "/v1/program", { headers: asShop, body: change(current) });
    if (saved.status !== 200) throw new Error(`program not saved: ${JSON.stringify(saved.json)}`);
    return saved.json as Program;
  };

  /** balance = sum of available ledger entries, and pending = sum of pending ones, for every customer of every shop. */
  const ledgerMismatches = () =>
    driver.read.all(
      `SELECT c.shop_id, c.id, c.balance, c.pending,
         COALESCE(SUM(CASE WHEN l.pending_until IS NULL THEN l.points END), 0) AS available,
         COALESCE(SUM(CASE WHEN l.pending_until IS NOT NULL THEN l.points END), 0) AS held
       FROM customers c LEFT JOIN ledger l ON l.shop_id = c.shop_id AND l.customer_id = c.id
       GROUP BY c.shop_id, c.id, c.balance, c.pending
       HAVING c.balance <> COALESCE(SUM(CASE WHEN l.pending_until IS NULL THEN l.points END), 0)
           OR c.pending <> COALESCE(SUM(CASE WHEN l.pending_until IS NOT NULL THEN l.points END), 0)`,
    );

  const close = async () => {
    await driver.close();
    await fresh.drop();
    rmSync(dir, { recursive: true, force: true });
  };

  return { app, services, driver, call, secretKey, signingSecret, asShop, asCustomer, token, order, setProgram, ledgerMismatches, close, dir };
}

export type TestEndpoint = Awaited<ReturnType<typeof testEndpoint>>;
