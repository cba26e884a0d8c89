import type { OrderRequest, OrderResult, RefundResult } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import { type CodeStatus, judgeCodeUse, referralCode } from "../domain/codes.ts";
import { reversalFor } from "../domain/earning.ts";
import { fromMinor, toMinor } from "../domain/money.ts";
import { fingerprint } from "../domain/secrets.ts";
import type { Queries } from "../storage/driver.ts";
import { orders, refunds } from "../storage/orders.ts";
import { codes, type CustomerRow, customers, ledger, replays, touchCustomer } from "../storage/repository.ts";
import { codeUseFacts } from "./codes.ts";
import { ApiError } from "./errors.ts";
import { recordCustomerEvent } from "./events.ts";
import { answerOnce, recordConflicts } from "./idempotency.ts";
import { recordOrderInOneTrip } from "./order-in-one-trip.ts";
import { keptTierPoints, orderEarning, orderRow, pendingUntilOf } from "./order-terms.ts";
import { creditReferral, reverseReferral } from "./referrals.ts";
import { recordTierChange, tierPointsOf, tierStanding } from "./tier-events.ts";
import type { Services, Shop } from "./services.ts";

function minorOrThrow(shop: Shop, amount: string, currency = shop.currency): number {
  if (currency !== shop.currency) throw new ApiError("currency_mismatch", `this shop trades in ${shop.currency}, not ${currency}`);
  const minor = toMinor(amount, currency);
  if (minor === null) throw new ApiError("invalid_request", `${amount} has more decimals than ${currency} allows (${shop.currencyDigits})`);
  return minor;
}

/** Judges one code an order reports and, when it may be used, marks it used by the order. */
async function useCode(
  tx: Queries,
  shop: Shop,
  given: string,
  use: { customer: CustomerRow; orderId: string; placedAt: number; now: number; welcomeAlreadyApplied: boolean },
): Promise<{ status: CodeStatus; referrerId?: string | null }> {
  const code = await codes.get(tx, shop.id, given);
  if (!code) return { status: "unknown" };
  const verdict = judgeCodeUse(await codeUseFacts(tx, shop, code, use.customer, use.placedAt, use.welcomeAlreadyApplied));
  if (!verdict.usable) return { status: verdict.status };
  await codes.markUsed(tx, shop.id, code.code, use.orderId, use.now);
  if (code.customer_id) await touchCustomer(tx, shop.id, code.customer_id); // the code leaves the member's wallet
  return { status: "applied", referrerId: code.kind === "referral_welcome" ? code.referrer_id : null };
}

/**
 * Records an order and awards its points, at the rate in force when it was placed (tier × campaign).
 * Idempotent on the order id: a replay returns the first result; the same id with other content is a 409.
 * Discount codes it reports are marked used; a referral is judged and credited in the same transaction.
 */
export async function placeOrder(services: Services, shop: Shop, order: OrderRequest): Promise<{ result: OrderResult; replayed: boolean }> {
  const subtotalMinor = minorOrThrow(shop, order.subtotal, order.currency);
  const placedAt = Date.parse(order.placedAt);
  const now = services.now();
  if (placedAt > now + DAY) throw new ApiError("invalid_request", "placedAt is more than a day in the future");
  const hash = fingerprint({ ...order, discountCodes: order.discountCodes.map((code) => code.trim().toUpperCase()) });

  const quick = await recordOrderInOneTrip(services, shop, order, { subtotalMinor, placedAt, hash, now });
  if (quick) return { result: quick, replayed: false };
  return services.driver.transaction(async (tx) =>
    answerOnce(await replays.order(tx, shop.id, order.id), { hash, ...recordConflicts(`order "${order.id}"`) }, () =>
      recordOrder(tx, shop, order, { subtotalMinor, placedAt, hash, now }),
    ),
  );
}

/** Writes a new order: its points at the rate of its `placedAt`, its codes, its referral, the customer's counts and its answer. */
async function recordOrder(
  tx: Queries,
  shop: Shop,
  order: OrderRequest,
  { subtotalMinor, placedAt, hash, now }: { subtotalMinor: number; placedAt: number; hash: string; now: number },
): Promise<OrderResult> {
  const customer = await customers.ensure(tx, shop.id, order.customerId, now, referralCode);
  const tierBefore = await tierStanding(tx, shop, customer.id, now);
  const tierPoints = await tierPointsOf(tx, shop, customer.id, placedAt, false);
  const { rate, points } = orderEarning(shop, order, subtotalMinor, tierPoints, placedAt);
  await orders.insert(tx, orderRow(shop, order, { rate, points }, { subtotalMinor, placedAt, hash, now }));
  let balance = customer.balance;
  // inside the return window the points wait, pending; an order placed long enough ago earns them at once
  const pendingUntil = pendingUntilOf(shop, placedAt, now);
  if (points > 0)
    balance = await ledger.append(tx, {
      shopId: shop.id,
      customerId: customer.id,
      kind: "earn",
      points,
      causeType: "order",
      causeId: order.id,
      orderId: order.id,
      at: now,
      occurredAt: placedAt,
      pendingUntil,
    });

  const discountCodes: OrderResult["discountCodes"] = [];
  let welcomeReferrer: string | null = null;
  for (const given of new Set(order.discountCodes.map((code) => code.trim().toUpperCase()))) {
    const status = await useCode(tx, shop, given, { customer, orderId: order.id, placedAt, now, welcomeAlreadyApplied: welcomeReferrer !== null });
    discountCodes.push({ code: given, status: status.status });
    if (status.status === "applied" && status.referrerId) welcomeReferrer = status.referrerId;
  }

  const referral = await creditReferral(tx, shop, { order, friend: customer, welcomeReferrer, now, pendingUntil });
  await customers.countOrder(
    tx,
    shop.id,
    customer.id,
    points > 0 ? placedAt : null,
    placedAt,
    keptTierPoints(shop, tierBefore, tierPoints, points, placedAt, now),
  );

  const result: OrderResult = { orderId: order.id, customerId: customer.id, pointsEarned: points, balance, rate, discountCodes, referral };
  if (points > 0 && pendingUntil !== null) result.pendingUntil = new Date(pendingUntil).toISOString();
  if (points > 0)
    await recordCustomerEvent(tx, shop.id, {
      type: "points.earned",
      customerId: customer.id,
      data: { points, balance, source: "order", orderId: order.id, channel: order.channel, pendingUntil: result.pendingUntil ?? null },
      marketingConsent: customer.marketing_consent === 1,
      at: now,
    });
  await recordTierChange(tx, shop, customer.id, tierBefore, { points, placedAt, marketingConsent: customer.marketing_consent === 1 }, now);
  await orders.saveResult(tx, shop.id, order.id, JSON.stringify(result));
  return result;
}

/**
 * Reverses an order's points in proportion to the money refunded, from the points it actually
 * earned. If the points were already spent the balance goes negative: the shopper's next
 * earnings pay it back before anything can be redeemed again. Idempotent on the refund id.
 */
export async function refundOrder(
  services: Services,
  shop: Shop,
  orderId: string,
  refund: { id: string; amount: string },
): Promise<{ result: RefundResult; replayed: boolean }> {
  const amountMinor = minorOrThrow(shop, refund.amount);
  if (amountMinor <= 0) throw new ApiError("invalid_request", "amount must be more than zero");
  const hash = fingerprint({ orderId, ...refund });
  const now = services.now();

  const { different } = recordConflicts(`refund "${refund.id}"`);
  return services.driver.transaction(async (tx) =>
    answerOnce(await replays.refund(tx, shop.id, refund.id), { hash, different }, () =>
      recordRefund(tx, shop, orderId, { id: refund.id, amountMinor, hash, now }),
    ),
  );
}

/** Writes a new refund of an order: the points it reverses, the order's totals, a whole refund's referral, and its answer. */
async function recordRefund(
  tx: Queries,
  shop: Shop,
  orderId: string,
  refund: { id: string; amountMinor: number; hash: string; now: number },
): Promise<RefundResult> {
  const { amountMinor, hash, now } = refund;
  const order = await orders.lockForRefund(tx, shop.id, orderId);
  if (!order) throw new ApiError("not_found", `no order "${orderId}"`);
  const refundable = order.subtotal_minor - order.refunded_minor;
  if (amountMinor > refundable)
    throw new ApiError(
      "refund_exceeds_order",
      `only ${fromMinor(refundable, shop.currency)} ${shop.currency} of order "${orderId}" is left to refund`,
    );
  const reversed = reversalFor(
    {
      subtotalMinor: order.subtotal_minor,
      pointsEarned: order.points_earned,
      refundedMinor: order.refunded_minor,
      pointsReversed: order.points_reversed,
    },
    amountMinor,
  );
  const customer = await customers.get(tx, shop.id, order.customer_id, true);
  const tierBefore = await tierStanding(tx, shop, order.customer_id, now);
  let balance = customer?.balance ?? 0;
  // a refund inside the return window cancels the order's pending points, not the balance
  if (reversed > 0)
    balance = await ledger.append(tx, {
      shopId: shop.id,
      customerId: order.customer_id,
      kind: "refund",
      points: -reversed,
      causeType: "refund",
      causeId: refund.id,
      orderId,
      at: now,
      pendingUntil: await ledger.pendingUntilOfCause(tx, shop.id, "order", orderId, "earn"),
    });
  // the points reversed leave the tier points kept for the console, if the order still counts for tiers
  if (reversed > 0 && order.placed_at >= now - shop.program.tierWindowDays * DAY)
    await customers.removeTierPoints(tx, shop.id, order.customer_id, reversed);
  await orders.addRefund(tx, shop.id, orderId, amountMinor, reversed);
  await recordTierChange(
    tx,
    shop,
    order.customer_id,
    tierBefore,
    { points: -reversed, placedAt: Number(order.placed_at), marketingConsent: customer?.marketing_consent === 1 },
    now,
  );
  const wholeOrderRefunded = order.refunded_minor + amountMinor === order.subtotal_minor;
  const referral = wholeOrderRefunded ? await reverseReferral(tx, shop, orderId, now) : undefined;
  const result: RefundResult = {
    refundId: refund.id,
    orderId,
    pointsReversed: reversed,
    refundedTotal: fromMinor(order.refunded_minor + amountMinor, shop.currency),
    balance,
    ...(referral && { referral }),
  };
  await refunds.insert(tx, {
    shopId: shop.id,
    id: refund.id,
    orderId,
    amountMinor,
    pointsReversed: reversed,
    requestHash: hash,
    result: JSON.stringify(result),
    at: now,
  });
  return result;
}
