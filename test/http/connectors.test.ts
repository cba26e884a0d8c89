import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OPERATOR_KEY, type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

// Payloads shaped as Shopify's and WooCommerce's documented examples (test/http/fixtures), sent as raw bytes and signed as
// the platforms sign them. Shopify's ids (820982911946154508, …) are past 2^53: they must arrive intact.

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
const SHOP_DOMAIN = "shop-name.myshopify.com";
const CLIENT_SECRET = "hush";
const WC_SECRET = "wc-webhook-secret-0123456789";
const SHOPIFY_CUSTOMER = "115310627314723954";

let e: TestEndpoint;
let clock: { now: number };
beforeEach(async () => {
  clock = { now: Date.parse("2026-06-28T10:00:00Z") };
  e = await testEndpoint({ clock });
  await e.call("PUT", "/v1/program", { headers: e.asShop, body: { ...(await e.call("GET", "/v1/program", { headers: e.asShop })).json } });
});
afterEach(async () => {
  expect(await e.ledgerMismatches()).toEqual([]);
  await e.close();
});

const shopifyHmac = (body: string, secret = CLIENT_SECRET) => createHmac("sha256", secret).update(body, "utf8").digest("base64");
const shopify = (topic: string, body: string, headers: Record<string, string> = {}) =>
  e.call("POST", "/v1/connect/shopify/demo/webhooks", {
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": topic,
      "x-shopify-hmac-sha256": shopifyHmac(body),
      "x-shopify-shop-domain": SHOP_DOMAIN,
      "x-shopify-webhook-id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
      ...headers,
    },
    raw: body,
  });
const connectShopify = () =>
  e.call("PUT", "/v1/connectors/shopify", { headers: e.asShop, body: { shopDomain: SHOP_DOMAIN, clientSecret: CLIENT_SECRET } });
const customer = async (id: string) => e.call("GET", `/v1/customers/${id}`, { headers: e.asShop });
const state = async () => JSON.stringify(await e.driver.read.all("SELECT id, balance, version FROM customers ORDER BY id", []));

describe("Shopify", () => {
  it("connects with the client secret and answers the URLs to set in Shopify, never the secret", async () => {
    const connected = await connectShopify();
    expect(connected.status).toBe(200);
    expect(connected.json).toEqual({
      platform: "shopify",
      shopDomain: SHOP_DOMAIN,
      webhookUrl: expect.stringMatching(/\/v1\/connect\/shopify\/demo\/webhooks$/),
      proxyUrl: expect.stringMatching(/\/v1\/connect\/shopify\/demo\/proxy$/),
    });
    expect(JSON.stringify(connected.json)).not.toContain(CLIENT_SECRET);
  });

  it("orders/paid earns for the Shopify customer, keeps their 18-digit ids intact, and a replay counts once", async () => {
    await connectShopify();
    const body = fixture("shopify/orders-paid.json");
    const first = await shopify("orders/paid", body);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ topic: "orders/paid", outcome: "applied", orderId: "820982911946154508", pointsEarned: 1575 });
    const john = await customer(SHOPIFY_CUSTOMER);
    expect(john.json).toMatchObject({ id: SHOPIFY_CUSTOMER, email: "john@example.com", name: "John Smith", marketingConsent: false, balance: 1575 });
    const replay = await shopify("orders/paid", body);
    expect(replay.json.outcome).toBe("replayed");
    expect((await customer(SHOPIFY_CUSTOMER)).json.balance).toBe(1575);
    expect((await customer(SHOPIFY_CUSTOMER)).json.ledger).toHaveLength(1);
    const exported = await e.call("GET", `/v1/customers/${SHOPIFY_CUSTOMER}/export`, { headers: e.asShop });
    expect(exported.json.orders).toEqual([expect.objectContaining({ id: "820982911946154508", channel: "online", subtotal: "1575.90" })]);
  });

  it("a POS order earns as an in-store purchase", async () => {
    await connectShopify();
    const body = fixture("shopify/orders-paid.json").replace('"source_name":"web"', '"source_name":"pos"');
    expect((await shopify("orders/paid", body)).json.outcome).toBe("applied");
    const exported = await e.call("GET", `/v1/customers/${SHOPIFY_CUSTOMER}/export`, { headers: e.asShop });
    expect(exported.json.orders[0].channel).toBe("store");
  });

  it("a bad or missing signature is a 401 and changes nothing", async () => {
    await connectShopify();
    const body = fixture("shopify/orders-paid.json");
    const before = await state();
    for (const headers of <Record<string, string>[]>[
      { "x-shopify-hmac-sha256": shopifyHmac(body, "another-secret") },
      { "x-shopify-hmac-sha256": shopifyHmac(`${body} `) },
      { "x-shopify-hmac-sha256": "" },
      { "x-shopify-shop-domain": "someone-else.myshopify.com" },
    ]) {
      const refused = await shopify("orders/paid", body, headers);
      expect(refused.status).toBe(401);
      expect(refused.json.error.code).toBe("unauthorized");
    }
    const tampered = await e.call("POST", "/v1/connect/shopify/demo/webhooks", {
      headers: { "x-shopify-topic": "orders/paid", "x-shopify-hmac-sha256": shopifyHmac(body) },
      raw: body.replace('"subtotal_price":"1575.90"', '"subtotal_price":"9575.90"'),
    });
    expect(tampered.status).toBe(401);
    expect(await state()).toBe(before);
    expect((await e.call("POST", "/v1/connect/shopify/nowhere/webhooks", { raw: body })).status).toBe(401);
  });

  it("refunds/create reverses the goods refunded (not shipping), once", async () => {
    await connectShopify();
    await shopify("orders/paid", fixture("shopify/orders-paid.json"));
    const body = fixture("shopify/refunds-create.json");
    const refunded = await shopify("refunds/create", body);
    expect(refunded.json).toMatchObject({ outcome: "applied", orderId: "820982911946154508", refundIds: ["890088186047892319"] });
    expect(refunded.json.pointsReversed).toBe(895);
    expect((await customer(SHOPIFY_CUSTOMER)).json.balance).toBe(1575 - 895);
    expect((await shopify("refunds/create", body)).json.outcome).toBe("replayed");
    expect((await customer(SHOPIFY_CUSTOMER)).json.balance).toBe(1575 - 895);
  });

  it("customers/data_request tells the shop (customer.data_requested); customers/redact erases; shop/redact erases everyone", async () => {
    await connectShopify();
    await shopify("orders/paid", fixture("shopify/orders-paid.json"));
    await e.order("mateo", "20.00");
    expect((await shopify("customers/data_request", fixture("shopify/customers-data-request.json"))).json.outcome).toBe("applied");
    const events = (await e.call("GET", "/v1/events", { headers: e.asShop })).json.events;
    expect(events.at(-1)).toMatchObject({
      type: "customer.data_requested",
      data: { customerId: SHOPIFY_CUSTOMER, platform: "shopify", requestId: "9999", exportPath: `/v1/customers/${SHOPIFY_CUSTOMER}/export` },
    });

    expect((await shopify("customers/redact", fixture("shopify/customers-redact.json"))).json.outcome).toBe("applied");
    expect((await customer(SHOPIFY_CUSTOMER)).status).toBe(404);
    expect((await shopify("customers/redact", fixture("shopify/customers-redact.json"))).json.outcome).toBe("ignored");

    expect((await shopify("shop/redact", fixture("shopify/shop-redact.json"))).json.outcome).toBe("applied");
    await e.call("POST", "/v1/operator/jobs/run", { headers: { authorization: `Bearer ${OPERATOR_KEY}` } });
    expect((await customer("mateo")).status).toBe(404);
    // the connection is forgotten: Shopify's later calls are refused
    expect((await shopify("orders/paid", fixture("shopify/orders-paid.json"))).status).toBe(401);
  });

  describe("app proxy", () => {
    // Shopify's documented example: shared secret "hush", this query, this signature
    const documented =
      "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555&signature=4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb";
    const proxy = (query: string) => e.call("GET", `/v1/connect/shopify/demo/proxy/token?${query}`);
    const sign = (query: string) => {
      const params = new URLSearchParams(query);
      const grouped = new Map<string, string[]>();
      for (const [key, value] of params) grouped.set(key, [...(grouped.get(key) ?? []), value]);
      const message = [...grouped]
        .map(([key, values]) => `${key}=${values.join(",")}`)
        .sort()
        .join("");
      return `${query}&signature=${createHmac("sha256", CLIENT_SECRET).update(message).digest("hex")}`;
    };

    it("verifies Shopify's own documented example and answers a token the endpoint accepts for logged_in_customer_id", async () => {
      await connectShopify();
      clock.now = 1317327555 * 1000 + 30_000;
      const answer = await proxy(documented);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toMatch(/^text\/plain/);
      const widget = await e.call("GET", "/v1/shops/demo/widget", { headers: { authorization: `Bearer ${answer.json}` } });
      expect(widget.json.customer).not.toBeNull();
      expect(widget.json.sessionError).toBeUndefined();
    });

    it("refuses a wrong signature, a changed parameter and an old request; answers 204 when no one is logged in", async () => {
      await connectShopify();
      clock.now = 1317327555 * 1000;
      expect((await proxy(documented.replace("4c68", "4c69"))).status).toBe(401);
      expect((await proxy(documented.replace("logged_in_customer_id=1", "logged_in_customer_id=2"))).status).toBe(401);
      expect((await proxy(documented.replace(/&signature=.*/, ""))).status).toBe(401);
      clock.now += 3_600_000;
      expect((await proxy(documented)).status).toBe(401);
      const now = Math.floor(clock.now / 1000);
      const guest = await proxy(sign(`shop=${SHOP_DOMAIN}&logged_in_customer_id=&path_prefix=%2Fapps%2Floyalty&timestamp=${now}`));
      expect(guest.status).toBe(204);
      const member = await proxy(
        sign(`shop=${SHOP_DOMAIN}&logged_in_customer_id=${SHOPIFY_CUSTOMER}&path_prefix=%2Fapps%2Floyalty&timestamp=${now}`),
      );
      expect(member.status).toBe(200);
      const claims = JSON.parse(Buffer.from(String(member.json).split(".")[1] ?? "", "base64url").toString());
      expect(claims).toMatchObject({ sub: SHOPIFY_CUSTOMER, shop: "demo", iat: now, exp: now + 3600 });
    });
  });
});

describe("WooCommerce", () => {
  const wcHmac = (body: string, secret = WC_SECRET) => createHmac("sha256", secret).update(body, "utf8").digest("base64");
  const woo = (body: string, headers: Record<string, string> = {}) =>
    e.call("POST", "/v1/connect/woocommerce/demo/webhooks", {
      headers: {
        "content-type": "application/json",
        "x-wc-webhook-topic": "order.updated",
        "x-wc-webhook-resource": "order",
        "x-wc-webhook-event": "updated",
        "x-wc-webhook-signature": wcHmac(body),
        "x-wc-webhook-id": "12",
        "x-wc-webhook-delivery-id": "f3b2",
        ...headers,
      },
      raw: body,
    });
  const connect = () => e.call("PUT", "/v1/connectors/woocommerce", { headers: e.asShop, body: { webhookSecret: WC_SECRET } });

  it("a completed order earns on its line totals (after coupons, before shipping), once however often it is sent", async () => {
    expect((await connect()).json).toEqual({
      platform: "woocommerce",
      webhookUrl: expect.stringMatching(/\/v1\/connect\/woocommerce\/demo\/webhooks$/),
    });
    const body = fixture("woocommerce/order-completed.json");
    const first = await woo(body, { "x-wc-webhook-topic": "order.created" });
    expect(first.json).toEqual({ topic: "order.created", outcome: "applied", orderId: "727", pointsEarned: 54 });
    expect((await customer("26")).json).toMatchObject({ email: "lucia@example.com", name: "Lucía Martín", balance: 54 });
    expect((await woo(body)).json.outcome).toBe("replayed");
    expect((await customer("26")).json.balance).toBe(54);
  });

  it("refunds listed on the order reverse points once each; orders not completed earn nothing", async () => {
    await connect();
    const body = fixture("woocommerce/order-completed.json");
    await woo(body);
    const refunded = body
      .replace('"refunds":[]', '"refunds":[{"id":730,"reason":"damaged","total":"-10.00"}]')
      .replace('"status":"completed"', '"status":"refunded"');
    const answer = await woo(refunded);
    expect(answer.json).toMatchObject({ outcome: "applied", refundIds: ["730"], pointsReversed: 9 });
    expect((await woo(refunded)).json.outcome).toBe("ignored");
    expect((await customer("26")).json.balance).toBe(54 - 9);
    const processing = body.replace('"id":727', '"id":728').replace('"status":"completed"', '"status":"processing"');
    expect((await woo(processing)).json).toMatchObject({ outcome: "ignored", reason: "order status is processing, not completed" });
  });

  it("a bad signature is a 401 and changes nothing; WooCommerce's ping is answered", async () => {
    await connect();
    const body = fixture("woocommerce/order-completed.json");
    const before = await state();
    expect((await woo(body, { "x-wc-webhook-signature": wcHmac(body, "other") })).status).toBe(401);
    expect((await woo(body, { "x-wc-webhook-signature": "" })).status).toBe(401);
    expect(await state()).toBe(before);
    const ping = await e.call("POST", "/v1/connect/woocommerce/demo/webhooks", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      raw: "webhook_id=12",
    });
    expect(ping.status).toBe(200);
  });
});
