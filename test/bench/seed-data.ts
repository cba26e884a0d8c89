import type { Tier } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import { fingerprint } from "../../server/domain/secrets.ts";
import { starterProgram } from "../../server/operations/defaults.ts";

/**
 * What the bench databases hold, the same on both engines: member `c{i}` placed `perCustomer` orders, each earning its
 * points at the rate of the tier the member's earlier orders put them in (the starter program: 1 point per euro, tier
 * multipliers), every order with its ledger entry, dated by when it was placed. Members' latest orders are spread evenly
 * over the last `LAST_ORDER_SPREAD_DAYS` days, so about half have been inactive for more than 6 months.
 */
export const LAST_ORDER_SPREAD_DAYS = 360;
/** A member's orders span this long, less than the tier window (365 days): every earlier order counts for the tier. */
const ORDER_SPAN_DAYS = 270;
export const benchTiers: Tier[] = starterProgram("Europe/Madrid").tiers;

/** How many orders each member placed. */
export const ordersPerCustomer = (customers: number, entries: number) => Math.max(1, Math.floor(entries / customers));
/** Milliseconds between a member's consecutive orders. */
export const orderSpacing = (perCustomer: number) => Math.floor((ORDER_SPAN_DAYS * DAY) / perCustomer);
/** When member `i` last ordered: whole days back (a permutation of the spread) less a few hours, so that no two tie. */
export const lastOrderAt = (now: number, i: number) => now - ((i * 7919) % LAST_ORDER_SPREAD_DAYS) * DAY - (i % 86_400) * 1000;
/** Points the member's order `age` earned (0 is the latest, `perCustomer - 1` the first). */
export const orderPoints = (i: number, age: number) => 10 + ((i * 31 + age * 17) % 90);

/** The tier multiplier in force with `tierPoints` from earlier orders. */
export function tierAt(tierPoints: number): Tier | null {
  let best: Tier | null = null;
  for (const tier of benchTiers) if (tier.threshold <= tierPoints && (!best || tier.threshold > best.threshold)) best = tier;
  return best;
}

/** The smallest subtotal (in cents) that earns `points` at `multiplier` (1 point per euro, rounded down). */
export const subtotalFor = (points: number, multiplier: number) => Math.ceil((points * 100) / multiplier);

export interface SeedOrder {
  id: string;
  customerId: string;
  placedAt: number;
  points: number;
  subtotalMinor: number;
  channel: "online" | "store";
  tier: Tier | null;
  /** The balance after this order. */
  balance: number;
  requestHash: string;
  result: string;
}

/** Member `i`'s orders, oldest first, as the endpoint would have recorded them. */
export function ordersOf(now: number, i: number, perCustomer: number): SeedOrder[] {
  const customerId = `c${i}`;
  const last = lastOrderAt(now, i);
  const spacing = orderSpacing(perCustomer);
  const orders: SeedOrder[] = [];
  let balance = 0;
  for (let age = perCustomer - 1; age >= 0; age--) {
    const id = `${customerId}-o${age}`;
    const points = orderPoints(i, age);
    const tier = tierAt(balance);
    const multiplier = tier?.multiplier ?? 1;
    const subtotalMinor = subtotalFor(points, multiplier);
    const placedAt = last - age * spacing;
    const channel = age % 4 === 3 ? "store" : "online";
    const subtotal = `${Math.floor(subtotalMinor / 100)}.${String(subtotalMinor % 100).padStart(2, "0")}`;
    const placedAtIso = new Date(placedAt).toISOString();
    // the order request as the endpoint parses it (its fields in the schema's order), so that a replay would match
    const requestHash = fingerprint({ id, customerId, subtotal, currency: "EUR", channel, discountCodes: [], placedAt: placedAtIso });
    balance += points;
    const rate = { pointsPerUnit: 1, multiplier, tierId: tier?.id ?? null, campaignId: null };
    const result = JSON.stringify({ orderId: id, customerId, pointsEarned: points, balance, rate, discountCodes: [], referral: null });
    orders.push({ id, customerId, placedAt, points, subtotalMinor, channel, tier, balance, requestHash, result });
  }
  return orders;
}
