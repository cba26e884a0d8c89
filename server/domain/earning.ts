import type { Campaign, Program, Tier } from "../../contract/index.ts";
import { activeCampaign } from "../../contract/rules/campaigns.ts";

export interface EarningRate {
  pointsPerUnit: number;
  /** Tier multiplier × the best active campaign's multiplier. */
  multiplier: number;
  tierId: string | null;
  campaignId: string | null;
}

/** The rate in force for an order placed at `placedAt` by a member of `tier`. */
export function earningRate(program: Program, tier: Tier | null, placedAt: Date): EarningRate {
  const campaign: Campaign | null = activeCampaign(program.campaigns, placedAt, program.timeZone)?.campaign ?? null;
  const multiplier = round6((tier?.multiplier ?? 1) * (campaign?.multiplier ?? 1));
  return { pointsPerUnit: program.earning.pointsPerUnit, multiplier, tierId: tier?.id ?? null, campaignId: campaign?.id ?? null };
}

/**
 * Whole points for a subtotal in minor units. Rounded down: 59.90 € at 1 point per euro earns 59.
 * A tiny epsilon absorbs binary float noise (1.1 × 5990 = 6589.000000000001).
 */
export function pointsFor(subtotalMinor: number, currencyDigits: number, rate: EarningRate): number {
  const exact = (subtotalMinor * rate.pointsPerUnit * rate.multiplier) / 10 ** currencyDigits;
  return Math.max(0, Math.floor(exact + 1e-9));
}

/**
 * Points to take back for a refund, in proportion to the money refunded, from the points the order
 * actually earned (so a later change of rate never alters a reversal). Computed on running totals so
 * that partial refunds adding up to the whole order reverse exactly what it earned.
 */
export function reversalFor(
  order: { subtotalMinor: number; pointsEarned: number; refundedMinor: number; pointsReversed: number },
  amountMinor: number,
): number {
  const refunded = order.refundedMinor + amountMinor;
  if (order.subtotalMinor === 0) return 0;
  const target = Math.floor((order.pointsEarned * refunded) / order.subtotalMinor);
  return Math.max(0, target - order.pointsReversed);
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
