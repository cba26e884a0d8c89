import { z } from "zod/mini";
import { Theme } from "./theme.ts";
import { Currency, ExternalId, Locale, LocalizedText, Points, Slug, Timestamp } from "./common.ts";
import { EarningAction, FriendOffer, Reward, Tier } from "./program.ts";
import { FeedbackPrompt, WidgetAnnouncement, WidgetRaffle, WidgetRaffleEntries } from "./engagement.ts";

/**
 * `referral_reversal` takes back a referral's points when the friend's first order is wholly refunded; `raffle_entry` spends
 * points on a raffle's entries and `raffle_refund` gives them back when the raffle is cancelled; `import` brings a balance
 * over from another program.
 */
export const EntryKind = z.enum([
  "earn",
  "redeem",
  "refund",
  "adjustment",
  "referral",
  "referral_reversal",
  "action",
  "expiry",
  "import",
  "raffle_entry",
  "raffle_refund",
]);
export type EntryKind = z.infer<typeof EntryKind>;

/** One ledger entry as the shopper sees it. */
export const ActivityEntry = z.object({
  id: z.string(),
  kind: EntryKind,
  points: Points,
  /** When it was recorded. */
  createdAt: Timestamp,
  /** When it happened: an order's `placedAt`, an action's `occurredAt`; otherwise when it was recorded. */
  occurredAt: Timestamp,
  /** Present while the points are pending (not redeemable): when they become available. */
  pendingUntil: z.optional(Timestamp),
  orderId: z.optional(ExternalId),
  rewardId: z.optional(z.string()),
  /** The reason a marketer gave for an adjustment (plain text). */
  reason: z.optional(z.string()),
  /** The raffle whose entries a `raffle_entry` or `raffle_refund` entry paid for or gave back. */
  raffleId: z.optional(Slug),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

export const ActivityPage = z.object({
  entries: z.array(ActivityEntry),
  /** Pass as `?cursor=` for the next (older) page; null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type ActivityPage = z.infer<typeof ActivityPage>;

/** A bonus window: a date-range campaign or one occurrence of a weekly one. */
export const CampaignWindow = z.object({
  id: Slug,
  name: LocalizedText,
  multiplier: z.number(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  /** For a weekly campaign, its rule: ISO weekdays (Monday = 1) and hours in the program's time zone. */
  weekly: z.optional(
    z.object({
      days: z.array(z.int().check(z.minimum(1), z.maximum(7))),
      start: z.string(),
      end: z.string(),
      timeZone: z.string(),
    }),
  ),
  /**
   * The window's rule in words, in the answer's language and the program's time zone: "Cada martes y jueves, de 15:00 a 17:00",
   * "Del 3 de marzo al 9 de marzo". In the boot answer's campaigns.
   */
  schedule: z.optional(z.string()),
  /** The program's time zone in words ("hora de Europa central"), for the widget to name where it is not the shopper's own. */
  zoneName: z.optional(z.string()),
});
export type CampaignWindow = z.infer<typeof CampaignWindow>;

/** The cheapest reward not within reach yet, with its title (what "120 points to go for <title>" names). */
export const NextReward = z.object({ rewardId: Slug, cost: Points, missing: Points, title: z.optional(LocalizedText) });
/** The dearest reward a member can redeem now: what the launcher offers first ("you can redeem Free shipping now"). */
export const ReadyReward = z.object({ rewardId: Slug, cost: Points, title: LocalizedText });
export const TierProgress = z.object({ id: Slug, name: LocalizedText, missing: Points });

/** A text with plural forms: one per CLDR category its language uses; `other` is required and stands in for any left out. */
export const PluralText = z.object({
  zero: z.optional(z.string()),
  one: z.optional(z.string()),
  two: z.optional(z.string()),
  few: z.optional(z.string()),
  many: z.optional(z.string()),
  other: z.string(),
});
export type PluralText = z.infer<typeof PluralText>;

/** Points that will expire soon, when the program has expiry and the date is within its reminder window (at least 7 days). */
export const ExpiryNotice = z.object({ points: Points, at: Timestamp });

export const WidgetCustomer = z.object({
  balance: Points,
  /** Points earned but not redeemable yet (the program's return window); 0 when the program has none. */
  pending: z.optional(Points),
  /** When the soonest of those pending points join the balance (from the recent activity); absent when none is pending there. */
  pendingUntil: z.optional(Timestamp),
  expiry: z.optional(z.nullable(ExpiryNotice)),
  tier: z.nullable(z.object({ id: Slug, name: LocalizedText, multiplier: z.number() })),
  /** Points earned inside the tier window: what tiers are measured on. */
  tierPoints: Points,
  nextTier: z.nullable(TierProgress),
  /** The cheapest reward the member can't redeem yet, and how many points are missing for it. */
  nextReward: z.nullable(NextReward),
  /** Rewards the member can redeem now. */
  redeemable: z.array(Slug),
  /** The dearest of them, with its title; null when none is within reach. */
  readyReward: z.nullable(ReadyReward),
  /** Orders the member has placed: a referral welcome code only works on a first order. */
  ordersCount: z.int(),
  referral: z.object({ code: z.string(), visits: z.int(), friendsOrdered: z.int(), pointsEarned: Points }),
  activity: z.array(ActivityEntry),
  /** The member's reward codes still to use (newest first, at most 20): shown again after a reload until used or expired. */
  wallet: z.array(z.object({ code: z.string(), reward: Reward, expiresAt: Timestamp })),
  marketingConsent: z.boolean(),
  /** When the member last changed their consent (contract 7.4); absent when never recorded. */
  marketingConsentAt: z.optional(Timestamp),
  /** The member's entries in the program's raffles (only raffles they entered); absent when the program has none. */
  raffles: z.optional(z.array(WidgetRaffleEntries)),
  /** The latest order to ask "how was it?" about; null when there is none to ask (absent: the program has no `feedback` action). */
  feedbackRequest: z.optional(z.nullable(FeedbackPrompt)),
});
export type WidgetCustomer = z.infer<typeof WidgetCustomer>;

/**
 * One of the widget's texts: a string with named placeholders (`{points}`, `{reward}`, `{count}`, `{date}`, `{amount}`...), or
 * plural forms by CLDR category, picked with `Intl.PluralRules` (`other` is required; `zero`, `two`, `few`, `many` where a
 * language has them).
 */
export const WidgetText = z.union([z.string(), PluralText]);
export type WidgetText = z.infer<typeof WidgetText>;
/** The widget's texts by key, in one language. */
export const WidgetTexts = z.record(z.string(), WidgetText);
export type WidgetTexts = z.infer<typeof WidgetTexts>;

const WidgetShop = z.object({ id: z.string(), name: z.string(), currency: Currency, defaultLocale: Locale });
const Campaigns = z.object({ active: z.nullable(CampaignWindow), next: z.nullable(CampaignWindow) });
const SessionError = z.optional(z.object({ code: z.literal("unauthorized"), message: z.string() }));

/** Everything the widget needs to draw, in one response. */
export const WidgetPayload = z.object({
  shop: WidgetShop,
  program: z.object({
    pointsPerUnit: z.number(),
    channels: z.array(z.enum(["online", "store"])),
    /** Rewards this shopper can see (for members: those of their tier). */
    rewards: z.array(Reward),
    tiers: z.array(Tier),
    tierWindowDays: z.int(),
    referral: z.nullable(z.object({ referrerPoints: Points, friendOffer: FriendOffer })),
    campaigns: Campaigns,
    links: z.object({ join: z.optional(z.string()), signIn: z.optional(z.string()), terms: z.optional(z.string()) }),
    summary: LocalizedText,
    /** Ways to earn besides buying (contract 7.2). */
    actions: z.optional(z.array(EarningAction)),
    pending: z.optional(z.object({ days: z.int() })),
    expiry: z.optional(z.object({ monthsInactive: z.int(), reminderDays: z.int() })),
    /** Raffles that are upcoming, open, or finished in the last 30 days (contract 7.4); absent when none. */
    raffles: z.optional(z.array(WidgetRaffle)),
    /** Announcements current now (contract 7.4); absent when none. */
    announcements: z.optional(z.array(WidgetAnnouncement)),
  }),
  theme: Theme,
  /** The language the texts are in: the requested one where the widget has texts for it, else the shop's default, else `es`. */
  locale: Locale,
  /** The widget's texts in that language by key, the theme's overrides for it merged in; a plural text has one form per category. */
  texts: WidgetTexts,
  customer: z.nullable(WidgetCustomer),
  /** Present when the request's customer token was refused (expired, bad signature, another shop): this is the guest view. */
  sessionError: SessionError,
  /** The server's clock, so that countdowns don't depend on the shopper's. */
  now: Timestamp,
});
export type WidgetPayload = z.infer<typeof WidgetPayload>;

/**
 * The boot request's answer (`GET /v1/shops/{shop}/widget?view=boot`): what the launcher draws and the member's own state.
 * What the panel shows every shopper alike comes once per program version and language from `WidgetPanel`.
 */
export const WidgetBoot = z.object({
  shop: WidgetShop,
  /** The theme with the locale's program words in place; its `locales` is empty (the full theme is `GET /v1/theme`). */
  theme: Theme,
  locale: Locale,
  /** Only the launcher's texts (keys `launcher.*`), the theme's overrides merged in. */
  texts: WidgetTexts,
  /** Bonus windows: they change with the clock, so they come with every boot rather than with the cached panel. */
  campaigns: Campaigns,
  /**
   * Raffles that are upcoming, open, or finished in the last 30 days, each with `when` (contract 7.4); absent when none. They
   * change with the clock and the draws, so they come with every boot.
   */
  raffles: z.optional(z.array(WidgetRaffle)),
  /** Announcements current now (contract 7.4); absent when none. */
  announcements: z.optional(z.array(WidgetAnnouncement)),
  customer: z.nullable(WidgetCustomer),
  sessionError: SessionError,
  /** What the panel asks for: `GET /v1/shops/{shop}/widget/panel?locale={locale}&v={version}` (cacheable for good). */
  panel: z.object({ version: z.string() }),
  now: Timestamp,
});
export type WidgetBoot = z.infer<typeof WidgetBoot>;

/** A way to earn, or a tier, in words, as the Earn section lists it. */
export const EarnWay = z.object({
  /** What it is: `purchase`, `referral`, `tier`, or an action's kind (`signup`, `birthday`, …); the widget picks its icon by it. */
  kind: z.string(),
  title: z.string(),
  /** Its conditions: "10 puntos por cada 1 €", "Una vez al año", "Desde 500 puntos". */
  detail: z.optional(z.string()),
  /** What it gives: "+50 puntos", "Puntos x1,5". */
  gives: z.optional(z.string()),
});
export type EarnWay = z.infer<typeof EarnWay>;

/**
 * The panel's answer (`GET /v1/shops/{shop}/widget/panel`): the same for every shopper of a shop in one language, so shared
 * caches and the browser keep it across customers and page views (ETag on the program version and the language).
 */
export const WidgetPanel = z.object({
  version: z.string(),
  locale: Locale,
  /** Every text of the widget in that language, the theme's overrides merged in. */
  texts: WidgetTexts,
  program: z.object({
    pointsPerUnit: z.number(),
    channels: z.array(z.enum(["online", "store"])),
    /** Every reward, with the tiers that may redeem it (`tiers` absent: everyone). */
    rewards: z.array(Reward),
    tiers: z.array(Tier),
    tierWindowDays: z.int(),
    /** With the friend's offer in words: `offer` ("5 € de descuento") and its `terms` ("En pedidos desde 30 €"). */
    referral: z.nullable(z.object({ referrerPoints: Points, friendOffer: FriendOffer, offer: z.string(), terms: z.optional(z.string()) })),
    links: z.object({ join: z.optional(z.string()), signIn: z.optional(z.string()), terms: z.optional(z.string()) }),
    summary: LocalizedText,
    /** Each reward's conditions in words, by reward id ("En pedidos desde 30 €. Solo nivel Oro"): rewards without any are left out. */
    rewardTerms: z.record(z.string(), z.string()),
    /** The Earn section in words: the ways to earn (buying, inviting, the program's actions), the tiers, and how tiers are measured. */
    earn: z.object({ ways: z.array(EarnWay), tiers: z.array(EarnWay), tiersNote: z.string() }),
    /** Ways to earn besides buying (contract 7.2); absent when the program has none. */
    actions: z.optional(z.array(EarningAction)),
    /** The return window during which an order's points are pending (contract 7.2); absent: off. */
    pending: z.optional(z.object({ days: z.int() })),
    /** Expiry by inactivity (contract 7.2); absent: off. */
    expiry: z.optional(z.object({ monthsInactive: z.int(), reminderDays: z.int() })),
  }),
});
export type WidgetPanel = z.infer<typeof WidgetPanel>;

export const RedemptionRequest = z.object({ rewardId: Slug });
export const Redemption = z.object({
  redemptionId: z.string(),
  rewardId: Slug,
  code: z.string(),
  expiresAt: Timestamp,
  balance: Points,
});
export type Redemption = z.infer<typeof Redemption>;

export const ReferralVisitRequest = z.object({
  code: z.string().check(z.regex(/^[A-Za-z0-9-]{4,32}$/, "a referral code")),
  /** A random id the widget keeps for the browser tab's session: a visit again from it gets the same welcome code back. */
  visitor: z.optional(z.string().check(z.regex(/^[\w-]{8,64}$/, "8–64 letters, digits, _ or -"))),
});
export const ReferralWelcome = z.object({
  offer: FriendOffer,
  /** A single-use code for the friend's first order. */
  code: z.string(),
  expiresAt: Timestamp,
});
export type ReferralWelcome = z.infer<typeof ReferralWelcome>;

export const ActivityQuery = z.object({
  cursor: z.optional(z.string().check(z.regex(/^\d{1,18}$/, "a cursor from a previous page"))),
  limit: z.optional(z.string().check(z.regex(/^([1-9]|[1-4]\d|50)$/, "a number from 1 to 50"))),
});
