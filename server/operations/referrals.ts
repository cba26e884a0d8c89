import type { OrderRequest, OrderResult, ReferralWelcome } from "../../contract/index.ts";
import { discountCode } from "../domain/codes.ts";
import { judgeReferral } from "../domain/referrals.ts";
import type { Queries } from "../storage/driver.ts";
import { codes, type CustomerRow, customers, ledger, referrals, touchCustomer } from "../storage/repository.ts";
import { ApiError } from "./errors.ts";
import type { Services, Shop } from "./services.ts";

const DAY = 86_400_000;

/**
 * A friend arrived through `?ref=CODE`: records the visit and issues the friend's welcome code.
 * The code carries the referrer, so the referral is attributed when the code comes back in an
 * order, whatever browser or device the friend orders from.
 */
export async function recordReferralVisit(services: Services, shop: Shop, code: string): Promise<ReferralWelcome> {
  const offer = shop.program.referral;
  if (!offer.enabled) throw new ApiError("not_found", "this shop has no referral program");
  const referrer = await customers.byReferralCode(services.driver.read, shop.id, code);
  if (!referrer) throw new ApiError("not_found", "unknown referral code");
  const now = services.now();
  const welcome = discountCode("AMIGO");
  const expiresAt = now + offer.friendOffer.validityDays * DAY;
  await services.driver.transaction(async (tx) => {
    await codes.insert(tx, {
      shop_id: shop.id,
      code: welcome,
      kind: "referral_welcome",
      customer_id: null,
      reward_id: null,
      referrer_id: referrer.id,
      offer: JSON.stringify(offer.friendOffer),
      expires_at: expiresAt,
      created_at: now,
    });
    await tx.run("INSERT INTO referral_visits (shop_id, referrer_id, welcome_code, created_at) VALUES (?, ?, ?, ?)", [
      shop.id,
      referrer.id,
      welcome,
      now,
    ]);
    await touchCustomer(tx, shop.id, referrer.id);
  });
  return { offer: offer.friendOffer, code: welcome, expiresAt: new Date(expiresAt).toISOString() };
}

/**
 * Judges the referral an order carries (by referral code, or by a welcome code it used) and, if the
 * fraud rules allow it, credits the referrer. Only a friend's first order can count; the outcome,
 * credited or blocked with its reason, is recorded once per order.
 */
export async function creditReferral(
  tx: Queries,
  shop: Shop,
  input: { order: OrderRequest; friend: CustomerRow; welcomeReferrer: string | null; now: number },
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
  await tx.run(
    "INSERT INTO referrals (shop_id, order_id, referrer_id, friend_id, status, reason, points, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    [shop.id, order.id, referrerId, friend.id, verdict.credited ? "credited" : "blocked", verdict.credited ? null : verdict.reason, points, now],
  );
  if (!verdict.credited) return { status: "blocked", reason: verdict.reason };
  await touchCustomer(tx, shop.id, referrerId);
  if (points > 0)
    await ledger.append(tx, { shopId: shop.id, customerId: referrerId, kind: "referral", points, causeType: "referral", causeId: order.id, at: now });
  return { status: "credited", referrerPoints: points };
}
