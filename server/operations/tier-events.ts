import type { Tier } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import { tierFor } from "../domain/progress.ts";
import type { Queries } from "../storage/driver.ts";
import { ledger } from "../storage/repository.ts";
import { recordCustomerEvent } from "./events.ts";
import type { Shop } from "./services.ts";

/**
 * Points a customer has earned from purchases within the program's tier window ending at `at`, by when orders were placed:
 * at an order's `placedAt`, only the orders before it count, as they would have then. (Orders may be placed up to a day ahead.)
 */
export function tierPointsOf(q: Queries, shop: Shop, customerId: string, at: number, isNow = true) {
  return ledger.tierPoints(q, shop.id, customerId, at - shop.program.tierWindowDays * DAY, isNow ? at + DAY : at);
}

/** The customer's tier points and tier now, before a change (null for a program without tiers: no tier event then). */
export async function tierStanding(tx: Queries, shop: Shop, customerId: string, now: number): Promise<{ points: number; tier: Tier | null } | null> {
  if (shop.program.tiers.length === 0) return null;
  const points = await tierPointsOf(tx, shop, customerId, now);
  return { points, tier: tierFor(shop.program.tiers, points) ?? null };
}

/**
 * Records `tier.changed` when an order (its points, +) or a refund (the points it reversed, −) moved the customer to another
 * tier. The change counts for the tier now only if the order was placed inside the tier window ending now, as
 * `tierPointsOf` counts it: no second query needed.
 */
export async function recordTierChange(
  tx: Queries,
  shop: Shop,
  customerId: string,
  before: { points: number; tier: Tier | null } | null,
  change: { points: number; placedAt: number; marketingConsent: boolean },
  now: number,
): Promise<void> {
  const data = tierChangeOf(shop, before, change, now);
  if (data) await recordCustomerEvent(tx, shop.id, { type: "tier.changed", customerId, data, marketingConsent: change.marketingConsent, at: now });
}

/** The `tier.changed` event's data when a change of `points` placed at `placedAt` moves the customer to another tier; else null. */
export function tierChangeOf(
  shop: Shop,
  before: { points: number; tier: Tier | null } | null,
  change: { points: number; placedAt: number },
  now: number,
): { from: NamedTier | null; to: NamedTier | null } | null {
  if (!before || change.points === 0) return null;
  const counts = change.placedAt >= now - shop.program.tierWindowDays * DAY && change.placedAt <= now + DAY;
  if (!counts) return null;
  const after = tierFor(shop.program.tiers, before.points + change.points) ?? null;
  if ((after?.id ?? null) === (before.tier?.id ?? null)) return null;
  const named = (tier: Tier | null) => (tier ? { id: tier.id, name: tier.name } : null);
  return { from: named(before.tier), to: named(after) };
}
type NamedTier = Pick<Tier, "id" | "name">;
