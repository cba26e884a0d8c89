import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RETRY_DELAYS_MS } from "../../server/domain/webhooks.ts";
import { deliverDue } from "../../server/operations/webhook-dispatcher.ts";
import type { Resolver } from "../../server/operations/webhook-transport.ts";
import { OPERATOR_KEY, type TestEndpoint, testEndpoint } from "../support/endpoint.ts";
import { startReceiver } from "../support/receiver.ts";

// Deliveries are checked with the `standardwebhooks` package, the reference implementation, never with the code that signs them.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(options: { allowPrivate?: boolean; resolve?: Resolver; clock?: { now: number } } = {}) {
  const clock = options.clock ?? { now: Date.now() };
  const e = await testEndpoint({ clock, webhooks: { allowPrivate: options.allowPrivate ?? true, resolve: options.resolve, timeoutMs: 2000 } });
  const receiver = await startReceiver();
  cleanups.push(async () => {
    expect(await e.ledgerMismatches()).toEqual([]);
    await receiver.down();
    await e.close();
  });
  return { e, receiver, clock };
}

async function subscribe(e: TestEndpoint, url: string, events: string[] = ["points.earned", "reward.redeemed", "tier.changed", "referral.credited"]) {
  const created = await e.call("POST", "/v1/webhooks", { headers: e.asShop, body: { url, events } });
  expect(created.status).toBe(201);
  return created.json as { id: string; secret: string };
}

/** Verifies a delivery as a receiver would, at the time it was signed (the package checks the timestamp against its clock). */
function verify(secret: string, delivery: { headers: Record<string, unknown>; body: string }) {
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    vi.setSystemTime(Number(delivery.headers["webhook-timestamp"]) * 1000);
    return new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>) as { type: string; timestamp: string; data: any };
  } finally {
    vi.useRealTimers();
  }
}

const deliveriesOf = async (e: TestEndpoint, webhookId: string) =>
  (await e.call("GET", `/v1/webhooks/${webhookId}/deliveries`, { headers: e.asShop })).json.deliveries as {
    id: string;
    messageId: string;
    type: string;
    status: string;
    attempts: number;
    lastStatus: number | null;
    lastError: string | null;
    nextAttemptAt: string | null;
  }[];

describe("webhook deliveries", () => {
  it("are signed as Standard Webhooks 1.0: the standardwebhooks package verifies them and reads { type, timestamp, data }", async () => {
    const { e, receiver } = await setUp();
    const webhook = await subscribe(e, receiver.url);
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    await e.call("PUT", "/v1/customers/ana", { headers: e.asShop, body: { marketingConsent: false } });
    await e.order("ana", "59.90");
    expect(await deliverDue(e.services)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [message] = receiver.received;
    if (!message) throw new Error("nothing received");
    expect(message.headers["webhook-id"]).toMatch(/^msg_/);
    const payload = verify(webhook.secret, message);
    expect(payload).toMatchObject({
      type: "points.earned",
      data: { customerId: "ana", points: 59, balance: 59, source: "order", orderId: "o-1", marketingConsent: false },
    });
    expect(Date.parse(payload.timestamp)).toBeGreaterThan(0);
    // a tampered body or another secret fails verification
    expect(() => verify(webhook.secret, { ...message, body: message.body.replace("59", "99") })).toThrow();
    expect(() => verify("whsec_c2VjcmV0LW9mLWFub3RoZXItd2ViaG9vaw==", message)).toThrow();
    const log = await deliveriesOf(e, webhook.id);
    expect(log).toEqual([expect.objectContaining({ type: "points.earned", status: "delivered", attempts: 1, lastStatus: 200, lastError: null })]);
    expect(log[0]?.messageId).toBe(message.headers["webhook-id"]);
  });

  it("carry every event type of the changes they follow, for customers who opted out too, each written with its change", async () => {
    const { e, receiver } = await setUp();
    const webhook = await subscribe(e, receiver.url);
    await e.call("PUT", "/v1/customers/ana", { headers: e.asShop, body: { email: "ana@example.com", marketingConsent: true } });
    const ana = await e.call("GET", "/v1/customers/ana", { headers: e.asShop });
    // a friend orders through Ana's code: Ana is credited; Bea's big order moves her up a tier; Bea redeems
    await e.order("bea", "1200.00", { referralCode: ana.json.referralCode });
    await e.call("POST", "/v1/shops/demo/redemptions", {
      headers: { ...e.asCustomer("bea"), "idempotency-key": "redeem-webhook-1" },
      body: { rewardId: "free-shipping" },
    });
    // a whole refund of her order takes her back down
    expect((await e.call("POST", "/v1/orders/o-1/refunds", { headers: e.asShop, body: { id: "r-1", amount: "1200.00" } })).status).toBe(201);
    // a request that fails changes nothing and records nothing
    expect((await e.call("POST", "/v1/orders/o-1/refunds", { headers: e.asShop, body: { id: "r-x", amount: "1.00" } })).status).toBe(422);
    await deliverDue(e.services);
    const payloads = receiver.received.map((message) => verify(webhook.secret, message));
    const byType = (type: string) => payloads.filter((payload) => payload.type === type).map((payload) => payload.data);
    expect(byType("referral.credited")).toEqual([{ customerId: "ana", points: 200, orderId: "o-1", pendingUntil: null, marketingConsent: true }]);
    expect(byType("points.earned")).toEqual([expect.objectContaining({ customerId: "bea", points: 1200, marketingConsent: false })]);
    expect(byType("tier.changed")).toEqual([
      expect.objectContaining({
        customerId: "bea",
        from: expect.objectContaining({ id: "bronze" }),
        to: expect.objectContaining({ id: "silver" }),
        marketingConsent: false,
      }),
      expect.objectContaining({ customerId: "bea", from: expect.objectContaining({ id: "silver" }), to: expect.objectContaining({ id: "bronze" }) }),
    ]);
    expect(byType("reward.redeemed")).toEqual([
      expect.objectContaining({ customerId: "bea", rewardId: "free-shipping", code: expect.stringMatching(/^PR-/), marketingConsent: false }),
    ]);
    expect(payloads).toHaveLength(5);
  });

  it("retry with backoff while the receiver is down or failing, with the same webhook-id, until it takes them", async () => {
    const { e, receiver, clock } = await setUp();
    const webhook = await subscribe(e, receiver.url);
    const [fiveSeconds, fiveMinutes, halfAnHour] = RETRY_DELAYS_MS as [number, number, number];
    await receiver.down();
    for (const customer of ["ana", "bea", "carmen"]) await e.order(customer, "10.00");
    expect(await deliverDue(e.services)).toEqual({ delivered: 0, retrying: 3, failed: 0 });
    let log = await deliveriesOf(e, webhook.id);
    expect(log.map((delivery) => delivery.status)).toEqual(["pending", "pending", "pending"]);
    expect(log[0]).toMatchObject({ attempts: 1, lastStatus: null, lastError: expect.stringContaining("ECONNREFUSED") });
    expect(Date.parse(log[0]?.nextAttemptAt ?? "")).toBe(clock.now + fiveSeconds);
    // not due yet: nothing is attempted
    clock.now += fiveSeconds - 1;
    expect(await deliverDue(e.services)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    clock.now += 1;
    expect((await deliverDue(e.services)).retrying).toBe(3);
    // back up but failing: it answers 503 once
    await receiver.up();
    receiver.answer(() => ({ status: 503 }));
    clock.now += fiveMinutes;
    expect((await deliverDue(e.services)).retrying).toBe(3);
    log = await deliveriesOf(e, webhook.id);
    expect(log[0]).toMatchObject({ attempts: 3, lastStatus: 503, lastError: "the receiver answered 503" });
    const firstIds = receiver.received.map((message) => message.headers["webhook-id"]);
    receiver.answer(() => ({ status: 204 }));
    clock.now += halfAnHour;
    expect(await deliverDue(e.services)).toEqual({ delivered: 3, retrying: 0, failed: 0 });
    const lastIds = receiver.received.slice(3).map((message) => message.headers["webhook-id"]);
    expect(new Set(lastIds)).toEqual(new Set(firstIds));
    const customers = receiver.received.slice(3).map((message) => verify(webhook.secret, message).data.customerId);
    expect(customers.sort()).toEqual(["ana", "bea", "carmen"]);
    expect((await deliveriesOf(e, webhook.id)).every((delivery) => delivery.status === "delivered" && delivery.attempts === 4)).toBe(true);
  });

  it("keep trying for more than 24 hours, then give up; a manual redelivery sends the same message again", async () => {
    const { e, receiver, clock } = await setUp();
    const webhook = await subscribe(e, receiver.url);
    receiver.answer(() => ({ status: 500 }));
    await e.order("ana", "10.00");
    const start = clock.now;
    await deliverDue(e.services);
    for (const delay of RETRY_DELAYS_MS) {
      clock.now += delay;
      await deliverDue(e.services);
    }
    expect(clock.now - start).toBeGreaterThan(24 * 3_600_000);
    const [failed] = await deliveriesOf(e, webhook.id);
    expect(failed).toMatchObject({ status: "failed", attempts: RETRY_DELAYS_MS.length + 1, nextAttemptAt: null, lastStatus: 500 });
    clock.now += 30 * 86_400_000;
    expect(await deliverDue(e.services)).toEqual({ delivered: 0, retrying: 0, failed: 0 });

    receiver.answer(() => ({ status: 200 }));
    const again = await e.call("POST", `/v1/webhooks/${webhook.id}/deliveries/${failed?.id}/redeliver`, { headers: e.asShop });
    expect(again.json).toMatchObject({ status: "pending", attempts: 0, messageId: failed?.messageId });
    expect(await deliverDue(e.services)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    const ids = new Set(receiver.received.map((message) => message.headers["webhook-id"]));
    expect(ids).toEqual(new Set([failed?.messageId]));
    expect((await e.call("POST", `/v1/webhooks/${webhook.id}/deliveries/999999/redeliver`, { headers: e.asShop })).status).toBe(404);
  });

  it("are signed with both secrets during a rotation's overlap, and with the new one alone after it", async () => {
    const { e, receiver, clock } = await setUp();
    const webhook = await subscribe(e, receiver.url);
    const rotated = await e.call("POST", `/v1/webhooks/${webhook.id}/secret`, { headers: e.asShop, body: { overlapHours: 2 } });
    expect(rotated.status).toBe(200);
    expect(rotated.json.previousSecretValidUntil).toBe(new Date(clock.now + 2 * 3_600_000).toISOString());
    await e.order("ana", "10.00");
    await deliverDue(e.services);
    const during = receiver.received.at(-1);
    if (!during) throw new Error("nothing received");
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verify(webhook.secret, during).type).toBe("points.earned");
    expect(verify(rotated.json.secret, during).type).toBe("points.earned");
    expect((await e.call("GET", "/v1/webhooks", { headers: e.asShop })).json.webhooks[0].previousSecretValidUntil).toBe(
      rotated.json.previousSecretValidUntil,
    );

    clock.now += 2 * 3_600_000 + 1;
    await e.order("ana", "10.00");
    await deliverDue(e.services);
    const after = receiver.received.at(-1);
    if (!after) throw new Error("nothing received");
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(verify(rotated.json.secret, after).type).toBe("points.earned");
    expect(() => verify(webhook.secret, after)).toThrow();
  });

  it("stop when the webhook is deleted, and go only to webhooks subscribed to the event", async () => {
    const { e, receiver } = await setUp();
    const redeemed = await subscribe(e, receiver.url, ["reward.redeemed"]);
    const earned = await subscribe(e, `${receiver.url}?earned`, ["points.earned"]);
    await e.order("ana", "10.00");
    expect((await e.call("DELETE", `/v1/webhooks/${earned.id}`, { headers: e.asShop })).json).toEqual({ deleted: true, id: earned.id });
    expect(await deliverDue(e.services)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(receiver.received).toEqual([]);
    expect((await e.call("GET", "/v1/webhooks", { headers: e.asShop })).json.webhooks.map((webhook: { id: string }) => webhook.id)).toEqual([
      redeemed.id,
    ]);
    expect((await e.call("DELETE", `/v1/webhooks/${earned.id}`, { headers: e.asShop })).status).toBe(404);
  });

  it("tell the shop of an erasure with its own customer id only; the person's unsent events are not sent, and the id is then forgotten", async () => {
    const { e, receiver } = await setUp();
    const webhook = await subscribe(e, receiver.url, ["points.earned", "customer.erased"]);
    await e.call("PUT", "/v1/customers/lucia", { headers: e.asShop, body: { email: "lucia@example.org", name: "Lucía" } });
    await e.order("lucia", "30.00");
    await e.order("mateo", "30.00");
    await e.call("DELETE", "/v1/customers/lucia", { headers: e.asShop });
    await deliverDue(e.services);
    const payloads = receiver.received.map((message) => verify(webhook.secret, message));
    expect(payloads.map((payload) => [payload.type, payload.data.customerId])).toEqual([
      ["points.earned", "mateo"],
      ["customer.erased", "lucia"],
    ]);
    expect(payloads[1]?.data).toEqual({ customerId: "lucia" });
    // delivered to every webhook: the id is no longer kept anywhere
    const stored = await e.driver.read.all("SELECT data FROM events WHERE type = 'customer.erased'", []);
    expect(stored).toEqual([{ data: JSON.stringify({ customerId: null }) }]);
  });
});

describe("an erased customer's id", () => {
  it("stays in customer.erased while a webhook has not got it, and is forgotten by the jobs after 7 days all the same", async () => {
    const { e, receiver, clock } = await setUp();
    await subscribe(e, receiver.url, ["customer.erased"]);
    receiver.answer(() => ({ status: 500 }));
    await e.order("lucia", "10.00");
    await e.call("DELETE", "/v1/customers/lucia", { headers: e.asShop });
    const runJobs = () => e.call("POST", "/v1/operator/jobs/run", { headers: { authorization: `Bearer ${OPERATOR_KEY}` } });
    const stored = () => e.driver.read.all<{ data: string }>("SELECT data FROM events WHERE type = 'customer.erased'", []);
    expect((await runJobs()).json.webhooks).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(await stored()).toEqual([{ data: JSON.stringify({ customerId: "lucia" }) }]);
    clock.now += 7 * 86_400_000 + 1;
    await runJobs();
    expect(await stored()).toEqual([{ data: JSON.stringify({ customerId: null }) }]);
  });
});

describe("webhook targets (SSRF)", () => {
  it("refuse private and loopback addresses, and host names that resolve to them", async () => {
    const { e, receiver } = await setUp({ allowPrivate: false });
    for (const url of [
      receiver.url,
      `http://localhost:${receiver.port}/hooks`,
      "http://[::1]/hooks",
      "http://10.0.0.5/hooks",
      "http://169.254.169.254/latest/meta-data",
      "http://192.168.1.1/",
      "http://[::ffff:127.0.0.1]/hooks",
      "ftp://files.example/hooks",
      "https://user:secret@hooks.example/",
    ]) {
      const refused = await e.call("POST", "/v1/webhooks", { headers: e.asShop, body: { url, events: ["points.earned"] } });
      expect(refused.status, url).toBe(400);
    }
    const localhost = await e.call("POST", "/v1/webhooks", {
      headers: e.asShop,
      body: { url: `http://localhost:${receiver.port}/hooks`, events: ["points.earned"] },
    });
    expect(localhost.json.error.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a private or loopback address/);
    expect((await e.call("GET", "/v1/webhooks", { headers: e.asShop })).json.webhooks).toEqual([]);
  });

  it("check the address again when connecting: a host that resolved to a public address and now resolves to 127.0.0.1 gets nothing", async () => {
    let answer = "93.184.216.34";
    const { e, receiver } = await setUp({ allowPrivate: false, resolve: async () => [{ address: answer, family: 4 }] });
    const webhook = await subscribe(e, `http://hooks.example:${receiver.port}/hooks`);
    answer = "127.0.0.1";
    await e.order("ana", "10.00");
    expect((await deliverDue(e.services)).retrying).toBe(1);
    expect(receiver.received).toEqual([]);
    const [delivery] = await deliveriesOf(e, webhook.id);
    expect(delivery?.lastError).toMatch(/hooks\.example resolves to 127\.0\.0\.1: refused/);
  });

  it("do not follow redirects", async () => {
    const { e, receiver } = await setUp();
    const elsewhere = await startReceiver();
    cleanups.push(() => elsewhere.down());
    receiver.answer(() => ({ status: 302, headers: { location: elsewhere.url } }));
    const webhook = await subscribe(e, receiver.url);
    await e.order("ana", "10.00");
    expect((await deliverDue(e.services)).retrying).toBe(1);
    expect(receiver.received).toHaveLength(1);
    expect(elsewhere.received).toEqual([]);
    expect((await deliveriesOf(e, webhook.id))[0]).toMatchObject({ lastStatus: 302, lastError: "redirect (302) not followed", status: "pending" });
  });
});
