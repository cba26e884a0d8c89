import type { Context } from "hono";
import { Hono } from "hono";
import { ConnectorInfo, ConnectorOutcome, ShopifyConnectorRequest, WooCommerceConnectorRequest } from "../../contract/index.ts";
import { parseWithLongIntegers } from "../domain/platform-json.ts";
import { signCustomerToken } from "../sdk/sign-customer-token.js";
import {
  handleShopifyWebhook,
  PROXY_TIMESTAMP_SKEW_S,
  type ShopifyConfig,
  shopifyProxySigned,
  shopifyWebhookSigned,
} from "../operations/connectors/shopify.ts";
import { connectPlatform, type Platform, platformConfig } from "../operations/connectors/connections.ts";
import { handleWooCommerceOrder, type WooCommerceConfig, wooCommerceSigned } from "../operations/connectors/woocommerce.ts";
import { ApiError } from "../operations/errors.ts";
import type { Shop } from "../operations/services.ts";
import { shopKey } from "./auth.ts";
import { endpointOrigin } from "./console/session.ts";
import { document } from "./docs.ts";
import type { AppEnv } from "./env.ts";
import { readRawBody } from "./raw-body.ts";
import { jsonBody } from "./validate.ts";

/** Shopify orders with hundreds of lines exceed the JSON routes' 64 KB. */
const MAX_PLATFORM_BODY = 2 * 1024 * 1024;
const TOKEN_LIFETIME_S = 3600;

function info(origin: string, shop: Shop, platform: Platform, config: Partial<ShopifyConfig>): ConnectorInfo {
  const base = `${origin}/v1/connect/${platform}/${shop.id}`;
  return platform === "shopify"
    ? { platform, shopDomain: config.shopDomain, webhookUrl: `${base}/webhooks`, proxyUrl: `${base}/proxy` }
    : { platform, webhookUrl: `${base}/webhooks` };
}

/** Connecting a platform (secret key): its secret is stored, and the addresses to give the platform are answered. */
export const connectorRoutes = new Hono<AppEnv>();
connectorRoutes.use(shopKey);
const doc = { tag: "connectors", auth: "shopKey" } as const;

document({
  ...doc,
  method: "put",
  path: "/v1/connectors/shopify",
  body: ShopifyConnectorRequest,
  response: ConnectorInfo,
  summary: "Connect a Shopify store: its custom app's client secret verifies webhooks and app proxy requests; answers the URLs to set in Shopify",
  errors: [400, 401, 415],
});
connectorRoutes.put("/shopify", jsonBody(ShopifyConnectorRequest), async (c) => {
  const { services, shop, body } = { services: c.get("services"), shop: c.get("shop"), body: c.get("body") };
  await connectPlatform(services, shop, "shopify", body);
  return c.json(info(endpointOrigin(c), shop, "shopify", body));
});

document({
  ...doc,
  method: "put",
  path: "/v1/connectors/woocommerce",
  body: WooCommerceConnectorRequest,
  response: ConnectorInfo,
  summary: "Connect a WooCommerce store: the webhooks' secret verifies X-WC-Webhook-Signature; answers the delivery URL to set in WooCommerce",
  errors: [400, 401, 415],
});
connectorRoutes.put("/woocommerce", jsonBody(WooCommerceConnectorRequest), async (c) => {
  const { services, shop, body } = { services: c.get("services"), shop: c.get("shop"), body: c.get("body") };
  await connectPlatform(services, shop, "woocommerce", body);
  return c.json(info(endpointOrigin(c), shop, "woocommerce", {}));
});

/** What a platform calls: no secret key, each request verified by the platform's signature instead. */
export const connectRoutes = new Hono<AppEnv>();

async function connected<T>(c: Context<AppEnv>, platform: Platform): Promise<{ shop: Shop; config: T }> {
  const shop = await c.get("services").shops.get(c.req.param("shop") ?? "");
  const config = shop && (await platformConfig<T>(c.get("services"), shop, platform));
  if (!shop || !config) throw new ApiError("unauthorized", `this shop is not connected to ${platform}`);
  return { shop, config };
}

function json(body: Buffer): Record<string, any> {
  try {
    const value = parseWithLongIntegers(body.toString("utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, any>;
  } catch {
    // answered below
  }
  throw new ApiError("invalid_json", "the body is not a JSON object");
}

document({
  method: "post",
  path: "/v1/connect/shopify/:shop/webhooks",
  tag: "connectors",
  auth: "none",
  headers: [
    { name: "X-Shopify-Hmac-Sha256", required: true, description: "base64 HMAC-SHA256 of the raw body with the app's client secret" },
    { name: "X-Shopify-Topic", required: true, description: "orders/paid, refunds/create, customers/redact, customers/data_request, shop/redact" },
  ],
  response: ConnectorOutcome,
  summary:
    "Shopify's webhooks: orders/paid earns (POS orders as store), refunds/create reverses, customers/redact erases, customers/data_request is sent on as customer.data_requested, shop/redact erases every customer. A bad signature is a 401 and changes nothing; a replay counts once",
  errors: [400, 401, 413],
});
connectRoutes.post("/shopify/:shop/webhooks", async (c) => {
  const { shop, config } = await connected<ShopifyConfig>(c, "shopify");
  const body = await readRawBody(c, MAX_PLATFORM_BODY);
  if (!shopifyWebhookSigned(body, c.req.header("x-shopify-hmac-sha256"), config.clientSecret))
    throw new ApiError("unauthorized", "X-Shopify-Hmac-Sha256 does not match the body: check the client secret");
  const domain = c.req.header("x-shopify-shop-domain");
  if (domain && domain !== config.shopDomain) throw new ApiError("unauthorized", `this shop is connected to ${config.shopDomain}, not ${domain}`);
  const outcome = await handleShopifyWebhook(c.get("services"), shop, c.req.header("x-shopify-topic") ?? "", json(body));
  if (outcome.outcome === "ignored") c.get("config").log(`shopify ${outcome.topic} for ${shop.id} ignored: ${outcome.reason}`);
  return c.json(outcome);
});

document({
  method: "get",
  path: "/v1/connect/shopify/:shop/proxy/token",
  tag: "connectors",
  auth: "none",
  response: ConnectorInfo,
  summary:
    "Shopify's app proxy (set the proxy URL to …/proxy): checks Shopify's signature and answers, as text, a customer token for logged_in_customer_id (204 when no one is logged in)",
  errors: [401],
});
connectRoutes.get("/shopify/:shop/proxy/token", async (c) => {
  const { shop, config } = await connected<ShopifyConfig>(c, "shopify");
  const query = new URL(c.req.url).searchParams;
  if (!shopifyProxySigned(query, config.clientSecret)) throw new ApiError("unauthorized", "the app proxy signature does not match");
  if (query.get("shop") !== config.shopDomain) throw new ApiError("unauthorized", `this shop is connected to ${config.shopDomain}`);
  const now = Math.floor(c.get("services").now() / 1000);
  if (Math.abs(now - Number(query.get("timestamp"))) > PROXY_TIMESTAMP_SKEW_S) throw new ApiError("unauthorized", "the app proxy request is too old");
  c.header("Cache-Control", "private, no-store");
  const customerId = query.get("logged_in_customer_id");
  if (!customerId) return c.body(null, 204);
  const signingSecret = shop.signingSecrets[0];
  if (!signingSecret) throw new ApiError("internal_error", "the shop has no signing secret");
  c.header("Content-Type", "text/plain; charset=utf-8");
  return c.body(signCustomerToken({ signingSecret, shop: shop.id, customerId, issuedAt: now, expiresIn: TOKEN_LIFETIME_S }));
});

document({
  method: "post",
  path: "/v1/connect/woocommerce/:shop/webhooks",
  tag: "connectors",
  auth: "none",
  headers: [{ name: "X-WC-Webhook-Signature", required: true, description: "base64 HMAC-SHA256 of the raw body with the webhook's secret" }],
  response: ConnectorOutcome,
  summary:
    "WooCommerce's order.created and order.updated webhooks: a completed order earns, its refunds reverse; a bad signature is a 401 and changes nothing; a replay counts once",
  errors: [400, 401, 413],
});
connectRoutes.post("/woocommerce/:shop/webhooks", async (c) => {
  const { shop, config } = await connected<WooCommerceConfig>(c, "woocommerce");
  const body = await readRawBody(c, MAX_PLATFORM_BODY);
  // WooCommerce pings a new webhook's URL with `webhook_id=N`: answered, nothing done
  if (/^webhook_id=\d+$/.test(body.toString("utf8").trim())) return c.json({ topic: "ping", outcome: "ignored", reason: "ping" });
  if (!wooCommerceSigned(body, c.req.header("x-wc-webhook-signature"), config.webhookSecret))
    throw new ApiError("unauthorized", "X-WC-Webhook-Signature does not match the body: check the webhook's secret");
  const topic = c.req.header("x-wc-webhook-topic") ?? "";
  if (!topic.startsWith("order.")) return c.json({ topic, outcome: "ignored", reason: `topic ${topic} is not used` });
  const outcome = await handleWooCommerceOrder(c.get("services"), shop, topic, json(body));
  if (outcome.outcome === "ignored") c.get("config").log(`woocommerce ${topic} for ${shop.id} ignored: ${outcome.reason}`);
  return c.json(outcome);
});
