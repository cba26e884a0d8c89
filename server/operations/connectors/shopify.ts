import { createHmac } from "node:crypto";
import type { ConnectorOutcome } from "../../../contract/index.ts";
import { idText } from "../../domain/platform-json.ts";
import { sameSecret } from "../../domain/secrets.ts";
import { connectors, liveCustomerIds } from "../../storage/connectors.ts";
import { customers, jobState } from "../../storage/repository.ts";
import { eraseCustomer } from "../customers.ts";
import { recordCustomerEvent } from "../events.ts";
import type { Services, Shop } from "../services.ts";
import { applyOrder, applyRefund, sumAmounts } from "./platform-orders.ts";

export interface ShopifyConfig {
  shopDomain: string;
  clientSecret: string;
}

/** How far an app proxy request's timestamp may be from the endpoint's clock: a copied proxy URL stops minting tokens. */
export const PROXY_TIMESTAMP_SKEW_S = 300;

/** `X-Shopify-Hmac-Sha256`: base64 HMAC-SHA256 of the raw body, keyed with the app's client secret. */
export const shopifyWebhookSigned = (body: Buffer, header: string | undefined, secret: string) =>
  header !== undefined && sameSecret(header, createHmac("sha256", secret).update(body).digest("base64"));

/**
 * An app proxy request's `signature`: hex HMAC-SHA256 of the other query parameters, each `key=value` (a repeated key's
 * values joined with commas), sorted, concatenated without separators, keyed with the client secret.
 */
export function shopifyProxySigned(query: URLSearchParams, secret: string): boolean {
  const given = query.get("signature");
  if (!given) return false;
  const values = new Map<string, string[]>();
  for (const [key, value] of query) if (key !== "signature") values.set(key, [...(values.get(key) ?? []), value]);
  const message = [...values]
    .map(([key, list]) => `${key}=${list.join(",")}`)
    .sort()
    .join("");
  return sameSecret(given, createHmac("sha256", secret).update(message).digest("hex"));
}

type Json = Record<string, any>;

/** What each Shopify topic does: paid orders earn, refunds reverse, and the privacy topics are handled as Shopify requires. */
export async function handleShopifyWebhook(services: Services, shop: Shop, topic: string, payload: Json): Promise<ConnectorOutcome> {
  if (topic === "orders/paid") {
    const orderId = idText(payload.id);
    const customerId = idText(payload.customer?.id);
    if (!orderId) return { topic, outcome: "ignored", reason: "the order has no id" };
    if (!customerId) return { topic, outcome: "ignored", reason: "a guest's order: no customer to earn", orderId };
    const customer = payload.customer as Json;
    const name = [customer.first_name, customer.last_name].filter((part) => typeof part === "string" && part.trim()).join(" ");
    const consent = customer.email_marketing_consent?.state;
    return applyOrder(
      services,
      shop,
      topic,
      {
        id: orderId,
        customerId,
        subtotal: String(payload.subtotal_price ?? payload.current_subtotal_price ?? "0"),
        currency: String(payload.currency ?? ""),
        channel: payload.source_name === "pos" ? "store" : "online",
        discountCodes: (Array.isArray(payload.discount_codes) ? payload.discount_codes : [])
          .map((code: Json) => String(code?.code ?? ""))
          .filter(Boolean)
          .slice(0, 20),
        placedAt: String(payload.processed_at ?? payload.created_at ?? new Date(services.now()).toISOString()),
      },
      {
        ...(typeof customer.email === "string" && customer.email ? { email: customer.email } : {}),
        ...(name ? { name: name.slice(0, 200) } : {}),
        ...(typeof consent === "string" ? { marketingConsent: consent === "subscribed" } : {}),
      },
    );
  }
  if (topic === "refunds/create") {
    const orderId = idText(payload.order_id);
    const refundId = idText(payload.id);
    if (!orderId || !refundId) return { topic, outcome: "ignored", reason: "the refund has no id or order_id" };
    const lines = Array.isArray(payload.refund_line_items) ? (payload.refund_line_items as Json[]) : [];
    const amount = sumAmounts(
      lines.map((line) => line.subtotal_set?.shop_money?.amount ?? line.subtotal ?? "0"),
      shop.currency,
    );
    if (amount === null) return { topic, outcome: "ignored", reason: "the refunded amounts are not amounts of the shop's currency", orderId };
    const done = await applyRefund(services, shop, { orderId, refundId: `shopify-${refundId}`, amount });
    return { topic, outcome: done.outcome, reason: done.reason, orderId, refundIds: [refundId], pointsReversed: done.pointsReversed };
  }
  if (topic === "customers/redact") {
    const customerId = idText(payload.customer?.id);
    if (!customerId || !(await customers.get(services.driver.read, shop.id, customerId)))
      return { topic, outcome: "ignored", reason: "no data is stored for this customer (never seen, or already erased)" };
    await eraseCustomer(services, shop, customerId);
    return { topic, outcome: "applied" };
  }
  if (topic === "customers/data_request") {
    // Shopify asks the app to give the shop owner the customer's data: the shop is told (event and webhook), and takes it
    // from GET /v1/customers/{id}/export
    const customerId = idText(payload.customer?.id);
    if (!customerId || !(await customers.get(services.driver.read, shop.id, customerId)))
      return { topic, outcome: "ignored", reason: "no data is stored for this customer" };
    const requestId = idText(payload.data_request?.id);
    await services.driver.transaction((tx) =>
      recordCustomerEvent(tx, shop.id, {
        type: "customer.data_requested",
        customerId,
        data: { platform: "shopify", requestId, exportPath: `/v1/customers/${encodeURIComponent(customerId)}/export` },
        at: services.now(),
      }),
    );
    return { topic, outcome: "applied" };
  }
  if (topic === "shop/redact") {
    // 48 hours after the app was uninstalled: every customer's personal data goes, by the jobs, a batch at a time
    await services.driver.transaction((tx) => jobState.set(tx, shop.id, "shopify-shop-redact", { requestedAt: services.now() }, services.now()));
    return { topic, outcome: "applied", reason: "every customer's personal data will be erased by the next job run" };
  }
  return { topic, outcome: "ignored", reason: `topic ${topic} is not used` };
}

/** The jobs' part of `shop/redact`: erases the shop's customers in batches, then forgets the Shopify connection. */
export async function redactShopIfRequested(services: Services, shop: Shop): Promise<number> {
  const request = await jobState.get<{ requestedAt: number } | null>(services.driver.read, shop.id, "shopify-shop-redact");
  if (!request) return 0;
  let erased = 0;
  for (;;) {
    const batch = await liveCustomerIds(services.driver.read, shop.id, 100);
    for (const { id } of batch) {
      await eraseCustomer(services, shop, id);
      erased++;
    }
    if (batch.length < 100) break;
  }
  await services.driver.transaction(async (tx) => {
    await connectors.remove(tx, shop.id, "shopify");
    await jobState.set(tx, shop.id, "shopify-shop-redact", null, services.now());
  });
  return erased;
}
