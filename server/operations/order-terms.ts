import type { OrderRequest } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import { type EarningRate, earningRate, pointsFor } from "../domain/earning.ts";
import { tierFor } from "../domain/progress.ts";
import type { NewOrder } from "../storage/orders.ts";
import type { Shop } from "./services.ts";

// What an order earns and changes, the same on both of its paths (orders.ts, order-in-one-trip.ts): no storage here.

/** The rate in force when the order was placed (tier × campaign; nothing on a channel that does not earn) and its points. */
export function orderEarning(shop: Shop, order: OrderRequest, subtotalMinor: number, tierPointsThen: number, placedAt: number) {
  const tier = tierFor(shop.program.tiers, tierPointsThen);
  const rate = shop.program.earning.channels.includes(order.channel)
    ? earningRate(shop.program, tier, new Date(placedAt))
    : { pointsPerUnit: 0, multiplier: 1, tierId: tier?.id ?? null, campaignId: null };
  return { rate, points: pointsFor(subtotalMinor, shop.currencyDigits, rate) };
}

/**
 * The tier points kept on the customer for the console's list by tier: exact when the standing now was read (a program with
 * tiers), else as of this order when it is current; a backdated order adds its own (`current` false).
 */
export function keptTierPoints(
  shop: Shop,
  tierBefore: { points: number } | null,
  tierPointsThen: number,
  points: number,
  placedAt: number,
  now: number,
): { value: number; current: boolean } {
  const countsNow = placedAt >= now - shop.program.tierWindowDays * DAY;
  const current = tierBefore !== null || placedAt >= now - DAY;
  return { value: tierBefore ? tierBefore.points + (countsNow ? points : 0) : current ? tierPointsThen + points : points, current };
}

/** Until when an order's points are pending under the program's return window; null when they are available now. */
export function pendingUntilOf(shop: Shop, placedAt: number, now: number): number | null {
  const days = shop.program.pending?.days;
  if (!days) return null;
  const until = placedAt + days * DAY;
  return until > now ? until : null;
}

/** The order's row as both paths store it. */
export function orderRow(
  shop: Shop,
  order: OrderRequest,
  earned: { rate: EarningRate; points: number },
  terms: { subtotalMinor: number; placedAt: number; hash: string; now: number },
): NewOrder {
  return {
    shopId: shop.id,
    id: order.id,
    customerId: order.customerId,
    subtotalMinor: terms.subtotalMinor,
    currency: order.currency,
    channel: order.channel,
    placedAt: terms.placedAt,
    pointsEarned: earned.points,
    pointsPerUnit: earned.rate.pointsPerUnit,
    multiplier: earned.rate.multiplier,
    tierId: earned.rate.tierId,
    campaignId: earned.rate.campaignId,
    requestHash: terms.hash,
    at: terms.now,
  };
}
