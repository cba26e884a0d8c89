import { createHmac } from "node:crypto";
import type { ConnectorOutcome } from "../../../contract/index.ts";
import { idText } from "../../domain/platform-json.ts";
import { sameSecret } from "../../domain/secrets.ts";
import type { Services, Shop } from "../services.ts";
import { applyOrder, applyRefund, sumAmounts } from "./platform-orders.ts";

export interface WooCommerceConfig {
  webhookSecret: string;
}

/** `X-WC-Webhook-Signature`: base64 HMAC-SHA256 of the raw body, keyed with the webhook's secret. */
export const wooCommerceSigned = (body: Buffer, header: string | undefined, secret: string) =>
  header !== undefined && sameSecret(header, createHmac("sha256", secret).update(body).digest("base64"));

/** WooCommerce's dates in GMT come without a zone: `2026-05-06T10:15:00`. */
const gmt = (value: unknown) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value) ? `${value}Z` : null);

type Json = Record<string, any>;

/**
 * An order from WooCommerce's `order.created` / `order.updated` webhooks (the REST API's order shape): a `completed` order
 * earns, and each of its `refunds` reverses points for its amount (at most what is left of the order). The same order sent
 * again, as WooCommerce does on every update, counts once; each refund counts once.
 */
export async function handleWooCommerceOrder(services: Services, shop: Shop, topic: string, order: Json): Promise<ConnectorOutcome> {
  const orderId = idText(order.id);
  if (!orderId) return { topic, outcome: "ignored", reason: "not an order" };
  const customerId = idText(order.customer_id);
  let outcome: ConnectorOutcome = { topic, outcome: "ignored", reason: `order status is ${String(order.status)}, not completed`, orderId };
  if (order.status === "completed") {
    if (!customerId || customerId === "0") return { topic, outcome: "ignored", reason: "a guest's order: no customer to earn", orderId };
    const lines = Array.isArray(order.line_items) ? (order.line_items as Json[]) : [];
    const subtotal = sumAmounts(
      lines.map((line) => line.total ?? "0"),
      shop.currency,
    );
    if (subtotal === null) return { topic, outcome: "ignored", reason: "the line totals are not amounts of the shop's currency", orderId };
    const billing = (order.billing ?? {}) as Json;
    const name = [billing.first_name, billing.last_name].filter((part) => typeof part === "string" && part.trim()).join(" ");
    outcome = await applyOrder(
      services,
      shop,
      topic,
      {
        id: orderId,
        customerId,
        subtotal,
        currency: String(order.currency ?? ""),
        channel: order.created_via === "pos" ? "store" : "online",
        discountCodes: (Array.isArray(order.coupon_lines) ? order.coupon_lines : [])
          .map((coupon: Json) => String(coupon?.code ?? ""))
          .filter(Boolean)
          .slice(0, 20),
        placedAt: gmt(order.date_paid_gmt) ?? gmt(order.date_completed_gmt) ?? gmt(order.date_created_gmt) ?? new Date(services.now()).toISOString(),
      },
      {
        ...(typeof billing.email === "string" && billing.email ? { email: billing.email } : {}),
        ...(name ? { name: name.slice(0, 200) } : {}),
      },
    );
  }
  const refunds = Array.isArray(order.refunds) ? (order.refunds as Json[]) : [];
  const refundIds: string[] = [];
  let pointsReversed = 0;
  for (const refund of refunds) {
    const refundId = idText(refund.id);
    if (!refundId) continue;
    const done = await applyRefund(services, shop, { orderId, refundId: `wc-${refundId}`, amount: String(refund.total ?? "0").replace(/^-/, "") });
    if (done.outcome === "applied") {
      refundIds.push(refundId);
      pointsReversed += done.pointsReversed;
    }
  }
  if (refundIds.length)
    return { ...outcome, outcome: outcome.outcome === "ignored" ? "applied" : outcome.outcome, refundIds, pointsReversed, reason: undefined };
  return outcome;
}
