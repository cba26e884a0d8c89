import { type ConnectorOutcome, CustomerUpsert, type OrderRequest } from "../../../contract/index.ts";
import { fromMinor, toMinor } from "../../domain/money.ts";
import { refundable } from "../../storage/connectors.ts";
import { replays } from "../../storage/repository.ts";
import { upsertCustomer } from "../customers.ts";
import { ApiError } from "../errors.ts";
import { placeOrder, refundOrder } from "../orders.ts";
import type { Services, Shop } from "../services.ts";

/**
 * A platform's paid order, recorded as `POST /v1/orders` records it (the same idempotency: a replayed webhook counts once).
 * What the shop's data makes impossible (another currency, an order edited after it was recorded) is answered as ignored
 * with its reason: a platform retries a failed webhook for hours, and the retries could not succeed either.
 */
export async function applyOrder(services: Services, shop: Shop, topic: string, order: OrderRequest, profile: unknown): Promise<ConnectorOutcome> {
  const checked = CustomerUpsert.safeParse(profile);
  if (checked.success && Object.keys(checked.data).length) await upsertCustomer(services, shop, order.customerId, checked.data);
  try {
    const { result, replayed } = await placeOrder(services, shop, order);
    return { topic, outcome: replayed ? "replayed" : "applied", orderId: order.id, pointsEarned: result.pointsEarned };
  } catch (error) {
    if (error instanceof ApiError && ["conflict", "currency_mismatch", "invalid_request"].includes(error.code))
      return { topic, outcome: "ignored", reason: error.message, orderId: order.id };
    throw error;
  }
}

/**
 * A platform's refund: reverses the order's points for the goods refunded, at most what is left of the order (platforms
 * refund shipping and taxes too, which earned nothing). Idempotent on the refund's id.
 */
export async function applyRefund(
  services: Services,
  shop: Shop,
  refund: { orderId: string; refundId: string; amount: string },
): Promise<{ outcome: "applied" | "replayed" | "ignored"; reason?: string; pointsReversed: number }> {
  const previous = await replays.refund(services.driver.read, shop.id, refund.refundId);
  if (previous) return { outcome: "replayed", pointsReversed: 0 };
  const order = await refundable(services.driver.read, shop.id, refund.orderId);
  if (!order)
    return {
      outcome: "ignored",
      reason: `order "${refund.orderId}" was never recorded (a guest's, or from before the connection)`,
      pointsReversed: 0,
    };
  const asked = toMinor(refund.amount, shop.currency);
  if (asked === null || asked <= 0) return { outcome: "ignored", reason: `nothing refunded for the goods (${refund.amount})`, pointsReversed: 0 };
  const amount = Math.min(asked, Number(order.remaining));
  if (amount <= 0) return { outcome: "ignored", reason: `order "${refund.orderId}" is already refunded in full`, pointsReversed: 0 };
  const { result, replayed } = await refundOrder(services, shop, refund.orderId, { id: refund.refundId, amount: fromMinor(amount, shop.currency) });
  return { outcome: replayed ? "replayed" : "applied", pointsReversed: result.pointsReversed };
}

/** Sums decimal amounts exactly, in minor units; null when one is not an amount of the shop's currency. */
export function sumAmounts(amounts: unknown[], currency: string): string | null {
  let total = 0;
  for (const amount of amounts) {
    const minor = toMinor(String(amount ?? "").replace(/^-/, ""), currency);
    if (minor === null) return null;
    total += minor;
  }
  return fromMinor(total, currency);
}
