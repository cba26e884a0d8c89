import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, it } from "vitest";
import { testPostgresUrl } from "../support/database.ts";
import { startReceiver } from "../support/receiver.ts";

// Three endpoint processes share one PostgreSQL, each with its own dispatcher: their claims must keep them from sending
// the same message at once, so that, with no process dying, every message arrives exactly once.
const PROCESSES = 3;
const OPERATOR_KEY = "webhooks-multi-operator-key";

describe.skipIf(!testPostgresUrl)("webhook dispatchers of several processes on one PostgreSQL", () => {
  const schema = `wh_${randomBytes(5).toString("hex")}`;
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((child) => new Promise((done) => (child.exitCode === null ? child.once("exit", done) : done(null)))));
    const admin = new pg.Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it("send every message once between them", async () => {
    const admin = new pg.Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(testPostgresUrl as string);
    url.searchParams.set("options", `-c search_path=${schema}`);
    const urls: string[] = [];
    for (let i = 0; i < PROCESSES; i++) {
      const port = 18_100 + Math.floor(Math.random() * 800) + i;
      children.push(
        spawn(process.execPath, ["--import", "tsx", "server/cli/serve.ts"], {
          env: {
            ...process.env,
            PORT: String(port),
            DATABASE_URL: url.toString(),
            LOYALTY_OPERATOR_KEY: OPERATOR_KEY,
            LOYALTY_RATE_LIMIT: "0",
            LOYALTY_LOG: "0",
            LOYALTY_PG_POOL: "4",
            LOYALTY_JOBS: "0",
            LOYALTY_WEBHOOK_ALLOW_PRIVATE: "1",
          },
          stdio: ["ignore", "ignore", "inherit"],
        }),
      );
      urls.push(`http://127.0.0.1:${port}`);
    }
    for (const base of urls)
      for (let attempt = 0; attempt < 150; attempt++) {
        if (
          await fetch(`${base}/healthz`).then(
            (r) => r.ok,
            () => false,
          )
        )
          break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    const post = async (base: string, path: string, body: unknown, headers: Record<string, string>) => {
      const response = await fetch(`${base}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as any };
    };
    const shop = await post(
      urls[0] as string,
      "/v1/operator/shops",
      { id: "multi-hooks", name: "Hooks", allowedOrigins: [], defaultLocale: "es", currency: "EUR" },
      {
        authorization: `Bearer ${OPERATOR_KEY}`,
      },
    );
    const asShop = { authorization: `Bearer ${shop.json.secretKey}` };
    const receiver = await startReceiver({ delayMs: 20 });
    const webhook = await post(urls[0] as string, "/v1/webhooks", { url: receiver.url, events: ["points.earned"] }, asShop);
    expect(webhook.status).toBe(201);

    const orders = Array.from({ length: 90 }, (_, i) => ({
      id: `mo-${i}`,
      customerId: `c${i % 9}`,
      subtotal: "15.00",
      currency: "EUR",
      channel: "online",
      placedAt: new Date().toISOString(),
    }));
    const placed = await Promise.all(orders.map((order, i) => post(urls[i % PROCESSES] as string, "/v1/orders", order, asShop)));
    expect(placed.every((answer) => answer.status === 201)).toBe(true);

    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && new Set(receiver.received.map((message) => message.headers["webhook-id"])).size < orders.length)
      await new Promise((resolve) => setTimeout(resolve, 100));
    // a moment more: a duplicate attempt, if any, would arrive now
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await receiver.down();

    const verifier = new Webhook(webhook.json.secret);
    const orderIds = receiver.received.map(
      (message) => (verifier.verify(message.body, message.headers as Record<string, string>) as { data: { orderId: string } }).data.orderId,
    );
    expect(orderIds.sort()).toEqual(orders.map((order) => order.id).sort());
    expect(new Set(receiver.received.map((message) => message.headers["webhook-id"])).size).toBe(orders.length);
  }, 90_000);
});
