import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, it } from "vitest";
import { testPostgresUrl } from "../support/database.ts";
import { startReceiver } from "../support/receiver.ts";

// The endpoint is killed with SIGKILL again and again while orders stream in and its dispatcher is sending their
// points.earned messages to a slow receiver; after a restart every recorded event must reach the receiver at least once,
// each always under the same webhook-id with the same body.
const ROUNDS = Number(process.env.LOYALTY_CRASH_ROUNDS ?? 5);
const OPERATOR_KEY = "webhook-crash-operator-key-0123";
const dir = mkdtempSync(join(tmpdir(), "loyalty-webhooks-crash-"));
const file = join(dir, "loyalty.sqlite");
const port = 19_000 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/cli/serve.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${file}`,
      LOYALTY_OPERATOR_KEY: OPERATOR_KEY,
      LOYALTY_RATE_LIMIT: "0",
      LOYALTY_LOG: "0",
      LOYALTY_JOBS: "0",
      // the receiver is on loopback
      LOYALTY_WEBHOOK_ALLOW_PRIVATE: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; attempt < 200; attempt++) {
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("endpoint did not start");
}

const killed = (child: ChildProcess) =>
  new Promise<void>((done) => {
    child.once("exit", () => done());
    child.kill("SIGKILL");
  });

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as any };
}

describe.skipIf(testPostgresUrl)("webhooks through SIGKILL", () => {
  it(`deliver every event at least once, with a stable webhook-id, through ${ROUNDS} kills mid-delivery`, async () => {
    const receiver = await startReceiver({ delayMs: 40 });
    let child = await start();
    const shop = await call(
      "POST",
      "/v1/operator/shops",
      { authorization: `Bearer ${OPERATOR_KEY}` },
      {
        id: "hooks",
        name: "Hooks",
        allowedOrigins: [],
        defaultLocale: "es",
        currency: "EUR",
      },
    );
    const asShop = { authorization: `Bearer ${shop.json.secretKey}` };
    const webhook = await call("POST", "/v1/webhooks", asShop, { url: receiver.url, events: ["points.earned"] });
    expect(webhook.status).toBe(201);

    let sequence = 0;
    let acknowledged = 0;
    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) child = await start();
      let running = true;
      const worker = async (w: number) => {
        while (running) {
          const n = ++sequence;
          const order = { id: `r${round}-w${w}-${n}`, customerId: `c${n % 7}`, subtotal: "25.00", currency: "EUR", channel: "online" };
          try {
            const answer = await call("POST", "/v1/orders", asShop, { ...order, placedAt: new Date().toISOString() });
            if (answer.status === 201) acknowledged++;
          } catch {
            return; // killed under us
          }
        }
      };
      const workers = Array.from({ length: 4 }, (_, w) => worker(w));
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 400));
      await killed(child);
      running = false;
      await Promise.all(workers);
    }

    child = await start();
    // a process killed mid-delivery leaves claims that run out after 15 s: then those messages go again
    const deadline = Date.now() + 60_000;
    let pending = 1;
    while (Date.now() < deadline) {
      pending = (await call("GET", `/v1/webhooks/${webhook.json.id}/deliveries?status=pending&limit=100`, asShop)).json.deliveries.length;
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(pending).toBe(0);

    const events: { id: string; type: string; data: { orderId: string } }[] = [];
    for (let after = "0"; ; ) {
      const page = await call("GET", `/v1/events?after=${after}&limit=500`, asShop);
      // the webhook takes points.earned (orders also record tier.changed, which it is not subscribed to)
      events.push(...page.json.events.filter((event: { type: string }) => event.type === "points.earned"));
      if (page.json.last === after) break;
      after = page.json.last;
    }
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await receiver.down();

    const verifier = new Webhook(webhook.json.secret);
    const bodiesById = new Map<string, Set<string>>();
    const idsByOrder = new Map<string, Set<string>>();
    for (const message of receiver.received) {
      const id = String(message.headers["webhook-id"]);
      const payload = verifier.verify(message.body, message.headers as Record<string, string>) as { data: { orderId: string } };
      bodiesById.set(id, (bodiesById.get(id) ?? new Set()).add(message.body));
      idsByOrder.set(payload.data.orderId, (idsByOrder.get(payload.data.orderId) ?? new Set()).add(id));
    }
    expect(events.length).toBeGreaterThanOrEqual(acknowledged);
    for (const event of events) expect(idsByOrder.get(event.data.orderId)?.size, `event ${event.id} delivered under one webhook-id`).toBe(1);
    for (const [id, bodies] of bodiesById) expect(bodies.size, `one body for ${id}`).toBe(1);
    const duplicates = receiver.received.length - bodiesById.size;
    console.log(
      `webhooks through SIGKILL: ${ROUNDS} kills, ${events.length} events (${acknowledged} acknowledged orders), ${receiver.received.length} deliveries received, ${duplicates} of them repeats after a kill`,
    );
  }, 180_000);
});
