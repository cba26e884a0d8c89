import { z } from "zod/mini";
import { Currency, ExternalId, LocalizedText, Money, Points, Slug, Timestamp } from "./common.ts";
import { FriendOffer, Reward } from "./program.ts";
import { ConsentRecord, RaffleStatus } from "./engagement.ts";
import { ActivityEntry, NextReward, TierProgress } from "./widget.ts";

export const Channel = z.enum(["online", "store"]);
export type Channel = z.infer<typeof Channel>;

export const CustomerUpsert = z.strictObject({
  email: z.optional(z.email().check(z.maxLength(254))),
  name: z.optional(z.string().check(z.maxLength(200))),
  birthday: z.optional(z.iso.date()),
  marketingConsent: z.optional(z.boolean()),
});
export type CustomerUpsert = z.infer<typeof CustomerUpsert>;

export const OrderRequest = z.strictObject({
  id: ExternalId,
  customerId: ExternalId,
  subtotal: Money,
  currency: Currency,
  channel: Channel,
  discountCodes: z._default(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(20)), []),
  referralCode: z.optional(z.string().check(z.maxLength(32))),
  placedAt: Timestamp,
});
export type OrderRequest = z.infer<typeof OrderRequest>;

export const DiscountCodeStatus = z.enum(["applied", "unknown", "already_used", "expired", "not_for_this_customer"]);

export const ReferralOutcome = z.object({
  status: z.enum(["credited", "blocked"]),
  /** Why a referral was blocked: self_referral, not_a_new_customer, weekly_cap, unknown_code, disabled. */
  reason: z.optional(z.string()),
  referrerPoints: z.optional(Points),
});

export const OrderResult = z.object({
  orderId: ExternalId,
  customerId: ExternalId,
  pointsEarned: Points,
  balance: Points,
  /** The earning rate applied, recorded with the order: refunds reverse at this rate. */
  rate: z.object({ pointsPerUnit: z.number(), multiplier: z.number(), tierId: z.nullable(Slug), campaignId: z.nullable(Slug) }),
  discountCodes: z.array(z.object({ code: z.string(), status: DiscountCodeStatus })),
  referral: z.nullable(ReferralOutcome),
  /** When the program holds points in a return window: until then the order's points are pending, not redeemable. */
  pendingUntil: z.optional(Timestamp),
});
export type OrderResult = z.infer<typeof OrderResult>;

export const RefundRequest = z.strictObject({ id: ExternalId, amount: Money });
export const RefundResult = z.object({
  refundId: ExternalId,
  orderId: ExternalId,
  pointsReversed: Points,
  refundedTotal: Money,
  balance: Points,
  /** Present when this refund completed the refund of a referred friend's first order: the referrer's credit was reversed. */
  referral: z.optional(z.object({ status: z.literal("reversed"), referrerPoints: Points })),
});
export type RefundResult = z.infer<typeof RefundResult>;

/** The shop reports a way to earn (contract 7.2); idempotent on `id`. */
export const ActionRequest = z.strictObject({
  id: ExternalId,
  /** The id of one of the program's `actions`. */
  action: Slug,
  /** When the customer did it; default now. Limits and expiry count by it. */
  occurredAt: z.optional(Timestamp),
});
export type ActionRequest = z.infer<typeof ActionRequest>;
export const ActionResult = z.object({ id: ExternalId, action: Slug, points: Points, balance: Points, occurredAt: Timestamp });
export type ActionResult = z.infer<typeof ActionResult>;

export const AdjustmentRequest = z.strictObject({
  id: ExternalId,
  points: z.int().check(
    z.minimum(-1_000_000),
    z.maximum(1_000_000),
    z.refine((points) => points !== 0, "not zero"),
  ),
  reason: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type AdjustmentRequest = z.infer<typeof AdjustmentRequest>;
export const AdjustmentResult = z.object({ adjustmentId: ExternalId, points: Points, balance: Points });
export type AdjustmentResult = z.infer<typeof AdjustmentResult>;

export const CustomerDetails = z.object({
  id: ExternalId,
  email: z.nullable(z.string()),
  name: z.nullable(z.string()),
  birthday: z.nullable(z.string()),
  marketingConsent: z.boolean(),
  /**
   * When marketingConsent last changed (null: never recorded), and its latest changes, newest first (at most 20). Always sent;
   * optional in the schema so that clients written before contract 7.4 still type-check.
   */
  marketingConsentAt: z.optional(z.nullable(Timestamp)),
  consentHistory: z.optional(z.array(ConsentRecord)),
  balance: Points,
  /** Points earned but not redeemable yet (the program's return window). */
  pending: Points,
  /** When the customer last earned (orders, actions), by when it happened; null if never. */
  lastEarnedAt: z.nullable(Timestamp),
  /** When the balance expires if nothing more is earned (programs with expiry); null otherwise. */
  expiresAt: z.nullable(Timestamp),
  tier: z.nullable(z.object({ id: Slug, name: LocalizedText })),
  tierPoints: Points,
  nextTier: z.nullable(TierProgress),
  nextReward: z.nullable(NextReward),
  referralCode: z.string(),
  createdAt: Timestamp,
  ledger: z.array(ActivityEntry),
});
export type CustomerDetails = z.infer<typeof CustomerDetails>;

export const CustomerExport = z.object({
  customer: z.object({
    id: ExternalId,
    email: z.nullable(z.string()),
    name: z.nullable(z.string()),
    birthday: z.nullable(z.string()),
    marketingConsent: z.boolean(),
    referralCode: z.string(),
    balance: Points,
    createdAt: Timestamp,
  }),
  ledger: z.array(ActivityEntry),
  orders: z.array(
    z.object({ id: ExternalId, subtotal: Money, currency: Currency, channel: Channel, placedAt: Timestamp, pointsEarned: Points, refunded: Money }),
  ),
  codes: z.array(
    z.object({ code: z.string(), kind: z.string(), rewardId: z.nullable(z.string()), expiresAt: Timestamp, usedByOrder: z.nullable(z.string()) }),
  ),
  referrals: z.array(z.object({ role: z.enum(["referrer", "friend"]), status: z.string(), reason: z.nullable(z.string()), createdAt: Timestamp })),
  /** Every change of consent to marketing, oldest first. */
  consents: z.array(ConsentRecord),
  feedback: z.array(z.object({ orderId: ExternalId, rating: z.int(), comment: z.nullable(z.string()), points: Points, createdAt: Timestamp })),
  raffleEntries: z.array(
    z.object({ raffleId: Slug, entryId: z.string(), status: RaffleStatus, won: z.boolean(), refunded: z.boolean(), createdAt: Timestamp }),
  ),
});
export type CustomerExport = z.infer<typeof CustomerExport>;

export const Erased = z.object({ erased: z.literal(true), customerId: ExternalId });

export const DiscountCodeQuery = z.object({ customerId: z.optional(ExternalId) });

/** A loyalty or referral code as the shop's checkout sees it. */
export const DiscountCodeInfo = z.object({
  code: z.string(),
  kind: z.enum(["reward", "referral_welcome"]),
  /** What the code gives: the reward, or the friend's welcome offer. */
  offer: z.union([Reward, FriendOffer]),
  expiresAt: Timestamp,
  /** `not_for_this_customer` only when asked with `?customerId=`: the code exists and is live, but not for them. */
  status: z.enum(["usable", "used", "expired", "not_for_this_customer"]),
  usedByOrder: z.nullable(z.string()),
});

export type DiscountCodeInfo = z.infer<typeof DiscountCodeInfo>;

export const EventsQuery = z.object({
  after: z.optional(z.string().check(z.regex(/^\d{1,18}$/, "an event id"))),
  limit: z.optional(z.string().check(z.regex(/^([1-9]\d?|[1-4]\d\d|500)$/, "a number from 1 to 500"))),
});

/** One event: `type` and `data` as webhooks (contract 7.5) deliver them. */
export const ShopEvent = z.object({ id: z.string(), type: z.string(), timestamp: Timestamp, data: z.record(z.string(), z.unknown()) });
export const EventPage = z.object({
  events: z.array(ShopEvent),
  /** Pass as `?after=` to get the next ones; equal to `after` when there was nothing new. */
  last: z.string(),
});
export type EventPage = z.infer<typeof EventPage>;
