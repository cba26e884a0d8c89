import { z } from "zod/mini";
import { Channel, CustomerDetails } from "./backend.ts";
import { Currency, ExternalId, Locale, LocalizedText, Money, Points, ShopId, Slug, Timestamp, WidgetLocale } from "./common.ts";
import { CreateShopRequest } from "./operator.ts";
import { Campaign, TimeZone } from "./program.ts";
import { CampaignWindow, EntryKind } from "./widget.ts";

/** The marketers' console: its own requests and responses, under /v1/console, behind a session cookie. */

export const MarketerRole = z.enum(["owner", "editor", "viewer"]);
export type MarketerRole = z.infer<typeof MarketerRole>;

const Email = z.email().check(z.maxLength(254));
/** A new console password: at least 10 characters. */
export const NewPassword = z.string().check(z.minLength(10, "at least 10 characters"), z.maxLength(200));

/** Email and password; `shop` optionally picks the shop at once (else the last one used, or the only one). */
export const SignInRequest = z.strictObject({
  email: Email,
  password: z.string().check(z.minLength(1), z.maxLength(200)),
  shop: z.optional(ShopId),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const ConsoleShop = z.object({ id: ShopId, name: z.string(), currency: Currency, defaultLocale: Locale, timeZone: z.string() });
export type ConsoleShop = z.infer<typeof ConsoleShop>;

/** The signed-in person, the shops they may manage with their role in each, and the shop chosen (null until one is). */
export const ConsoleSession = z.object({
  email: z.string(),
  shops: z.array(z.object({ id: ShopId, name: z.string(), role: MarketerRole })),
  shop: z.nullable(ConsoleShop),
  role: z.nullable(MarketerRole),
  expiresAt: Timestamp,
});
export type ConsoleSession = z.infer<typeof ConsoleSession>;

export const ChooseShopRequest = z.strictObject({ shop: ShopId });

export const PasswordChange = z.strictObject({ currentPassword: z.string().check(z.minLength(1), z.maxLength(200)), newPassword: NewPassword });
export const PasswordChanged = z.object({ changed: z.literal(true) });

export const Marketer = z.object({ email: z.string(), role: MarketerRole, since: Timestamp });
export const PendingInvite = z.object({ email: z.string(), role: MarketerRole, invitedBy: z.nullable(z.string()), expiresAt: Timestamp });
export const MarketerList = z.object({ marketers: z.array(Marketer), invites: z.array(PendingInvite) });
export type MarketerList = z.infer<typeof MarketerList>;

export const InviteRequest = z.strictObject({ email: Email, role: MarketerRole });
export const RoleChange = z.strictObject({ role: MarketerRole });
export const Removed = z.object({ removed: z.literal(true) });

/** A one-time link (an invitation or a password reset), shown to whoever made it and written to the endpoint's log. */
export const OneTimeLink = z.object({ kind: z.enum(["invite", "reset"]), email: z.string(), link: z.string(), expiresAt: Timestamp });
export type OneTimeLink = z.infer<typeof OneTimeLink>;

/** The token from a one-time link's URL fragment (it never travels in a URL the endpoint logs). */
export const LinkToken = z.strictObject({ token: z.string().check(z.regex(/^[\w-]{20,100}$/, "a link token")) });
export const LinkInfo = z.object({
  kind: z.enum(["invite", "reset"]),
  email: z.string(),
  shop: z.nullable(z.object({ id: ShopId, name: z.string() })),
  role: z.nullable(MarketerRole),
  /** An invitation to someone who already has an account is accepted with their current password. */
  accountExists: z.boolean(),
  expiresAt: Timestamp,
});
export type LinkInfo = z.infer<typeof LinkInfo>;
/** Accepting: a new password (a new account, a reset) or the current one (an invitation to an existing account). */
export const AcceptLink = z.strictObject({ token: LinkToken.shape.token, password: z.string().check(z.minLength(1), z.maxLength(200)) });

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

/** A page of customers: `q` searches ids, emails and names; without it, `sort` lists everyone. */
export const CustomerListQuery = z.object({
  q: z.optional(z.string().check(z.minLength(1), z.maxLength(254))),
  sort: z.optional(z.enum(["recent", "points", "tier"])),
  page: z.optional(z.string().check(z.regex(/^([1-9]\d{0,3})$/, "a page number from 1"))),
});
export const CustomerSummary = z.object({
  id: ExternalId,
  email: z.nullable(z.string()),
  name: z.nullable(z.string()),
  balance: Points,
  tier: z.nullable(z.object({ id: Slug, name: LocalizedText })),
  /** Points earned within the program's tier window. */
  tierPoints: Points,
  joinedAt: Timestamp,
  createdAt: Timestamp,
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;
export const CustomerList = z.object({ customers: z.array(CustomerSummary), page: z.int(), pageSize: z.int(), hasMore: z.boolean() });
export type CustomerList = z.infer<typeof CustomerList>;

/** A ledger entry as the console shows it: when it happened and when it was recorded, and the order behind an earning. */
export const ConsoleLedgerEntry = z.object({
  id: z.string(),
  kind: EntryKind,
  points: Points,
  /** An order's placedAt for what it earned; otherwise when it was recorded. */
  occurredAt: Timestamp,
  recordedAt: Timestamp,
  /** Not redeemable until then (the program's return window). */
  pendingUntil: z.optional(Timestamp),
  orderId: z.optional(z.string()),
  rewardId: z.optional(z.string()),
  reason: z.optional(z.string()),
  order: z.optional(z.object({ channel: Channel, multiplier: z.number(), subtotal: Money, placedAt: Timestamp })),
});
export type ConsoleLedgerEntry = z.infer<typeof ConsoleLedgerEntry>;
export const ConsoleLedgerPage = z.object({ entries: z.array(ConsoleLedgerEntry), nextCursor: z.nullable(z.string()) });
export const LedgerQuery = z.object({ cursor: z.optional(z.string().check(z.regex(/^\d{1,18}$/, "a cursor from a previous page"))) });

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
  /** The latest ledger entries (the next page with GET .../ledger?cursor=). */
  ledger: ConsoleLedgerPage,
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

/** Program health over a bounded window of local days, computed from the ledger and orders, dated by when things happened. */
export const Analytics = z.object({
  from: Timestamp,
  to: Timestamp,
  timeZone: z.string(),
  currency: Currency,
  days: z.array(
    z.object({
      date: z.iso.date(),
      pointsEarned: Points,
      pointsRedeemed: Points,
      onlineOrders: z.int(),
      storeOrders: z.int(),
      /** Members' order subtotals placed that day. */
      revenue: Money,
    }),
  ),
  /** Members at the end of each week (never fewer than that week's active members) and members who ordered that week. */
  weeks: z.array(z.object({ start: z.iso.date(), members: z.int(), activeMembers: z.int() })),
  headline: z.object({
    /** Every customer the program knows now. */
    members: z.int(),
    /** The sum of positive balances now. */
    pointsOutstanding: Points,
    /** What the outstanding points are worth at the value per point of the cheapest amount-off reward; null without one. */
    liability: z.nullable(z.object({ amount: Money, basis: z.object({ rewardId: Slug, cost: Points, amount: Money }) })),
    /** Members' order subtotals in the window. */
    memberRevenue: Money,
  }),
  /** Points redeemed over points earned in the window. */
  redemptionRate: z.number(),
  referralFunnel: z.object({ visits: z.int(), friendsOrdered: z.int(), rewardsGranted: z.int(), blocked: z.int() }),
  orders: z.object({ online: z.int(), store: z.int() }),
  /** Non-members' figures are null: the endpoint only hears of members' orders. */
  repeatPurchase: z.object({ members: Rate, nonMembers: z.nullable(Rate) }),
  memberRevenueShare: z.nullable(z.number()),
});
export type Analytics = z.infer<typeof Analytics>;

/** Whether the shop's site runs the widget and sends orders: what the Install page's checklist shows. */
export const InstallChecklist = z.object({
  /** Origins whose pages asked for the widget lately (recorded at most once a minute each), newest first. */
  widgetSeen: z.array(z.object({ origin: z.string(), allowed: z.boolean(), lastSeenAt: Timestamp })),
  latestOrder: z.nullable(z.object({ placedAt: Timestamp, recordedAt: Timestamp })),
  ordersLastDay: z.int(),
});
export type InstallChecklist = z.infer<typeof InstallChecklist>;

/** The widget's texts in each language it speaks, as the Look page shows them (defaults behind the marketer's overrides). */
export const WidgetTextDefaults = z.object({
  locales: z.array(
    z.object({
      locale: WidgetLocale,
      /** The CLDR plural categories of the language (`one`, `other`, ...): a plural text has one form per category. */
      pluralCategories: z.array(z.string()),
      texts: z.record(z.string(), z.union([z.string(), z.record(z.string(), z.string())])),
    }),
  ),
});
export type WidgetTextDefaults = z.infer<typeof WidgetTextDefaults>;

export const AuditAction = z.enum([
  "program.saved",
  "theme.saved",
  "theme.reset",
  "origins.saved",
  "secret_key.rotated",
  "signing_secret.rotated",
  "customer.adjusted",
  "customer.exported",
  "customer.erased",
  "marketer.invited",
  "marketer.invite_revoked",
  "marketer.joined",
  "marketer.role_changed",
  "marketer.removed",
  "marketer.reset_link",
  "password.changed",
  "password.reset",
  "customers.imported",
  "webhook.redelivered",
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: z.string(),
  /** A marketer's email, `api` (the shop's secret key) or `cli` (the command line). */
  actor: z.string(),
  /** One of AuditAction's values (a string, so that a console reading a newer endpoint's log still shows it). */
  action: z.string(),
  /** The customer concerned; after an erasure, the pseudonym. */
  customerId: z.nullable(z.string()),
  details: z.record(z.string(), z.unknown()),
  at: Timestamp,
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = z.object({ entries: z.array(AuditEntry), nextCursor: z.nullable(z.string()) });
export type AuditPage = z.infer<typeof AuditPage>;
export const AuditQuery = z.object({ cursor: z.optional(z.string().check(z.regex(/^\d{1,18}$/, "a cursor from a previous page"))) });
