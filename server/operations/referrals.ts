import { createHmac } from "node:crypto";
import type { OrderRequest, OrderResult, ReferralWelcome, RefundResult } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import { discountCode } from "../domain/codes.ts";
import { judgeReferral } from "../domain/referrals.ts";
import type { Queries } from "../storage/driver.ts";
import { referrals, referralVisits } from "../storage/referrals.ts";
import { codes, type CustomerRow, customers, ledger, touchCustomer } from "../storage/repository.ts";
import { ApiError } from "./errors.ts";
import { recordCustomerEvent } from "./events.ts";
import type { Services, Shop } from "./services.ts";

/** New welcome codes one referral link gives out in a day: from one network, and in all. */
export const WELCOME_CODES_PER_NETWORK = 5;
export const WELCOME_CODES_PER_REFERRER = 100;

/** Keyed digests of the visitor's network and tab session: they can be compared, not reversed into an address. */
function clientKeys(shop: Shop, referrerId: string, client: { ip: string; visitor?: string }) {
  const key = (value: string) =>
    createHmac("sha256", shop.signingSecrets[0] ?? shop.id)
      .update(`${shop.id}\u0000${referrerId}\u0000${value}`)
      .digest("base64url")
      .slice(0, 22);
  return { network: key(client.ip), session: key(`${client.ip}\u0000${client.visitor ?? ""}`) };
}

/**
 * A friend arrived through `?ref=CODE`: records the visit and issues the friend's welcome code. The code carries the
 * referrer, so the referral is attributed when the code comes back in an order, whatever browser the friend orders from.
 * Minting is bounded: the same tab session (or, without one, the same network) gets its live code back, and a link gives
 * out at most a few new codes a day to one network and a hundred in all, so a flood cannot mint thousands.
 */
export async function recordReferralVisit(
  services: Services,
  shop: Shop,
  visit: { code: string; visitor?: string; ip: string },
): Promise<ReferralWelcome> {
  const offer = shop.program.referral;
  if (!offer.enabled) throw new ApiError("not_found", "this shop has no referral program");
  const referrer = await customers.byReferralCode(services.driver.read, shop.id, visit.code);
  if (!referrer) throw new ApiError("not_found", "unknown referral code");
  const now = services.now();
  const keys = clientKeys(shop, referrer.id, { ip: visit.ip, visitor: visit.visitor });
  const welcome = await services.driver.transaction(async (tx) => {
    await customers.get(tx, shop.id, referrer.id, true); // one visit of a referrer at a time: the counts below stay true
    await referralVisits.forgetClients(tx, shop.id, referrer.id, now - DAY);
    const held = await referralVisits.liveCodeOfSession(tx, shop.id, referrer.id, keys.session, now);
    if (held) return { code: held.code, expiresAt: held.expires_at };
    const minted = await referralVisits.mintedSince(tx, shop.id, referrer.id, keys.network, now - DAY);
    const full =
      minted.fromNetwork >= WELCOME_CODES_PER_NETWORK ? minted.oldestFromNetwork : minted.total >= WELCOME_CODES_PER_REFERRER ? minted.oldest : null;
    if (full !== null) {
      const seconds = Math.max(1, Math.ceil((full + DAY - now) / 1000));
      throw new ApiError(
        "rate_limited",
        `try again in ${seconds} s: this referral link has given out as many welcome codes as it may for now`,
        seconds,
      );
    }
    const code = discountCode("AMIGO");
    const expiresAt = now + offer.friendOffer.validityDays * DAY;
    await codes.insert(tx, {
      shop_id: shop.id,
      code,
      kind: "referral_welcome",
      customer_id: null,
      reward_id: null,
      referrer_id: referrer.id,
      offer: JSON.stringify(offer.friendOffer),
      expires_at: expiresAt,
      created_at: now,
    });
    await referralVisits.record(tx, { shopId: shop.id, referrerId: referrer.id, welcomeCode: code, ...keys, at: now });
    await touchCustomer(tx, shop.id, referrer.id);
    return { code, expiresAt };
  });
  return { offer: offer.friendOffer, code: welcome.code, expiresAt: new Date(welcome.expiresAt).toISOString() };
}

/**
 * Judges the referral an order carries (by referral code, or by a welcome code it used) and, if the
 * fraud rules allow it, credits the referrer. Only a friend's first order can count; the outcome,
 * credited or blocked with its reason, is recorded once per order.
 */
export async function creditReferral(
  tx: Queries,
  shop: Shop,
  input: { order: OrderRequest; friend: CustomerRow; welcomeReferrer: string | null; now: number; pendingUntil?: number | null },
): Promise<OrderResult["referral"]> {
  const { order, friend, now } = input;
  let referrerId = input.welcomeReferrer;
  if (!referrerId && order.referralCode) {
    const referrer = await customers.byReferralCode(tx, shop.id, order.referralCode);
    if (!referrer) return { status: "blocked", reason: "unknown_code" };
    referrerId = referrer.id;
  }
  if (!referrerId) return null;
  const referrer = await customers.get(tx, shop.id, referrerId, true);
  if (!referrer || referrer.erased_at !== null) return { status: "blocked", reason: "unknown_code" };

  const program = shop.program.referral;
  const verdict = judgeReferral({
    enabled: program.enabled,
    referrerId,
    friendId: friend.id,
    referrerEmail: referrer.email,
    friendEmail: friend.email,
    friendPreviousOrders: friend.orders_count,
    referrerCreditsThisWeek: await referrals.creditedSince(tx, shop.id, referrerId, now - 7 * DAY),
    weeklyCap: program.weeklyCap,
  });
  const points = verdict.credited ? program.referrerPoints : 0;
  await referrals.record(tx, {
    shopId: shop.id,
    orderId: order.id,
    referrerId,
    friendId: friend.id,
    status: verdict.credited ? "credited" : "blocked",
    reason: verdict.credited ? null : verdict.reason,
    points,
    at: now,
  });
  if (!verdict.credited) return { status: "blocked", reason: verdict.reason };
  await touchCustomer(tx, shop.id, referrerId);
  // while the friend's order can still be returned, the referrer's points wait with it
  if (points > 0)
    await ledger.append(tx, {
      shopId: shop.id,
      customerId: referrerId,
      kind: "referral",
      points,
      causeType: "referral",
      causeId: order.id,
      at: now,
      occurredAt: Date.parse(order.placedAt),
      pendingUntil: input.pendingUntil ?? null,
    });
  const pendingUntil = input.pendingUntil ? new Date(input.pendingUntil).toISOString() : null;
  await recordCustomerEvent(tx, shop.id, {
    type: "referral.credited",
    customerId: referrerId,
    data: { points, orderId: order.id, pendingUntil },
    at: now,
  });
  return { status: "credited", referrerPoints: points };
}

/**
 * The whole of a referred friend's first order was refunded: the referrer's credit for it is reversed, once (the
 * referral's row moves to `reversed`, and the ledger's unique cause stops a second entry).
 */
export async function reverseReferral(tx: Queries, shop: Shop, orderId: string, now: number): Promise<RefundResult["referral"]> {
  const credit = await referrals.creditedFor(tx, shop.id, orderId);
  if (!credit) return undefined;
  await referrals.markReversed(tx, shop.id, orderId);
  await touchCustomer(tx, shop.id, credit.referrer_id);
  if (credit.points > 0)
    await ledger.append(tx, {
      shopId: shop.id,
      customerId: credit.referrer_id,
      kind: "referral_reversal",
      points: -credit.points,
      causeType: "referral",
      causeId: orderId,
      at: now,
      // a credit still pending is cancelled from the pending points
      pendingUntil: await ledger.pendingUntilOfCause(tx, shop.id, "referral", orderId, "referral"),
    });
  return { status: "reversed", referrerPoints: credit.points };
}
