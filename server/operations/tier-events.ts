import type { Tier } from "../../contract/index.ts";
import { tierFor } from "../domain/progress.ts";
import type { Queries } from "../storage/driver.ts";
import { recordCustomerEvent } from "./events.ts";
import { tierPointsOf } from "./orders.ts";
import type { Shop } from "./services.ts";

/** The customer's tier now (null: none, or a program without tiers: then no tier event is ever recorded). */
export async function currentTier(tx: Queries, shop: Shop, customerId: string, now: number): Promise<Tier | null> {
  if (shop.program.tiers.length === 0) return null;
  return tierFor(shop.program.tiers, await tierPointsOf(tx, shop, customerId, now)) ?? null;
}

/** Records `tier.changed` when an order or a refund moved the customer to another tier than `before`. */
export async function recordTierChange(tx: Queries, shop: Shop, customerId: string, before: Tier | null, now: number): Promise<void> {
  if (shop.program.tiers.length === 0) return;
  const after = await currentTier(tx, shop, customerId, now);
  if ((after?.id ?? null) === (before?.id ?? null)) return;
  const named = (tier: Tier | null) => (tier ? { id: tier.id, name: tier.name } : null);
  await recordCustomerEvent(tx, shop.id, { type: "tier.changed", customerId, data: { from: named(before), to: named(after) }, at: now });
}
