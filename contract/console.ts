import { z } from "zod/mini";
import { CustomerDetails } from "./backend.ts";
import { Currency, ExternalId, Locale, Points, ShopId, Timestamp } from "./common.ts";
import { CreateShopRequest } from "./operator.ts";
import { Campaign, TimeZone } from "./program.ts";
import { CampaignWindow } from "./widget.ts";

/** The marketers' console: its own requests and responses, under /v1/console, behind a session cookie. */

export const SignInRequest = z.strictObject({
  shop: ShopId,
  email: z.email().check(z.maxLength(254)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const ConsoleSession = z.object({
  shop: z.object({ id: ShopId, name: z.string(), currency: Currency, defaultLocale: Locale, timeZone: z.string() }),
  email: z.string(),
  expiresAt: Timestamp,
});
export type ConsoleSession = z.infer<typeof ConsoleSession>;

export const SignedOut = z.object({ signedOut: z.literal(true) });

/** Weekly and date-range campaigns as drafted in the program editor, to preview their next window. */
export const CampaignPreviewRequest = z.strictObject({
  timeZone: TimeZone,
  campaigns: z.array(Campaign).check(z.maxLength(50)),
});
export const CampaignPreview = z.object({
  timeZone: z.string(),
  active: z.nullable(CampaignWindow),
  next: z.nullable(CampaignWindow),
});
export type CampaignPreview = z.infer<typeof CampaignPreview>;

export const CustomerSearchQuery = z.object({ q: z.string().check(z.minLength(1), z.maxLength(254)) });
export const CustomerSummary = z.object({
  id: ExternalId,
  email: z.nullable(z.string()),
  name: z.nullable(z.string()),
  balance: Points,
  createdAt: Timestamp,
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;
export const CustomerSearchResult = z.object({ customers: z.array(CustomerSummary) });
export type CustomerSearchResult = z.infer<typeof CustomerSearchResult>;

export const CustomerReferral = z.object({
  role: z.enum(["referrer", "friend"]),
  /** The other side of the referral: the friend (for a referrer) or the referrer (for a friend). */
  otherCustomerId: z.string(),
  status: z.string(),
  reason: z.nullable(z.string()),
  points: Points,
  createdAt: Timestamp,
});
export const ConsoleCustomer = z.object({
  details: CustomerDetails,
  referrals: z.array(CustomerReferral),
  referralVisits: z.int(),
});
export type ConsoleCustomer = z.infer<typeof ConsoleCustomer>;

export const AllowedOrigins = z.strictObject({ allowedOrigins: CreateShopRequest.shape.allowedOrigins });
export type AllowedOrigins = z.infer<typeof AllowedOrigins>;

export const InstallInfo = z.object({
  shopId: ShopId,
  /** The endpoint's origin as browsers reach it. */
  endpoint: z.string(),
  snippet: z.string(),
  allowedOrigins: z.array(z.string()),
  /** Rotated secret keys still accepted, and until when. */
  retiringSecretKeys: z.array(z.object({ validUntil: Timestamp })),
  signingSecrets: z.object({ count: z.int(), retiring: z.array(z.object({ validUntil: Timestamp })) }),
});
export type InstallInfo = z.infer<typeof InstallInfo>;

export const RotateRequest = z.strictObject({
  /** How long the old key or secret stays valid beside the new one (hours). */
  overlapHours: z.int().check(z.minimum(1), z.maximum(720)),
});
export const RotatedSecretKey = z.object({ secretKey: z.string(), previousValidUntil: Timestamp });
export const RotatedSigningSecret = z.object({ signingSecret: z.string(), previousValidUntil: Timestamp });

export const AnalyticsQuery = z.object({
  days: z.optional(z.string().check(z.regex(/^([7-9]|[1-9]\d|[12]\d\d|3[0-5]\d|36[0-5])$/, "a number of days from 7 to 365"))),
});

const Rate = z.object({ buyers: z.int(), repeatBuyers: z.int(), rate: z.number() });

/** Program health over a bounded window of local days, computed from the ledger and orders. */
export const Analytics = z.object({
  from: Timestamp,
  to: Timestamp,
  timeZone: z.string(),
  days: z.array(
    z.object({
      date: z.iso.date(),
      pointsEarned: Points,
      pointsRedeemed: Points,
      onlineOrders: z.int(),
      storeOrders: z.int(),
    }),
  ),
  weeks: z.array(z.object({ start: z.iso.date(), members: z.int(), activeMembers: z.int() })),
  /** Points redeemed over points earned in the window. */
  redemptionRate: z.number(),
  referralFunnel: z.object({ visits: z.int(), friendsOrdered: z.int(), rewardsGranted: z.int(), blocked: z.int() }),
  orders: z.object({ online: z.int(), store: z.int() }),
  repeatPurchase: z.object({ members: Rate, nonMembers: Rate }),
});
export type Analytics = z.infer<typeof Analytics>;
