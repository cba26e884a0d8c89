import { z } from "zod/mini";
import { Color, FontFamily, Pixels, Theme } from "../../contract/theme.ts";
import { ConsentState, RaffleEntryResult } from "../../contract/engagement.ts";
import { ActivityPage, Redemption, ReferralWelcome, WidgetBoot, WidgetPanel } from "../../contract/widget.ts";
import { compact, type Node, type Schema } from "./compact.ts";

/** The patterns of the theme tokens that go into the widget's stylesheet: the only ones the widget checks itself. */
const tokenPatterns = new Set([Color, Pixels, FontFamily].map((schema) => (z.toJSONSchema(schema) as { pattern: string }).pattern));

/**
 * A response's compact schema, leaving out the properties the bundle that checks it never reads (by path from the root;
 * array items share their array's path): what a bundle doesn't read costs it nothing, and what it reads is checked.
 */
/** Enums that grow as the program does (ledger entry kinds): a newer endpoint's values must not break an older widget. */
const openEnums = new Set(["customer.activity.kind", "entries.kind"]);

const from = <T>(schema: z.ZodMiniType<T>, unread: string[] = []): Schema<T> =>
  compact(z.toJSONSchema(schema, { io: "output" }), (pattern) => tokenPatterns.has(pattern), new Set(unread), "", openEnums);

/** An object schema, whose properties can also be checked one by one (the theme tokens of `data-theme-*`). */
function fromObject<T>(schema: z.ZodMiniType<T>, unread: string[] = []): Schema<T> & Record<keyof T & string, Node> {
  const node = from(schema, unread);
  if (typeof node !== "object" || Array.isArray(node)) throw new Error("compact schema: expected an object");
  return node as Schema<T> & Record<keyof T & string, Node>;
}

/** The boot reads the launcher's part of the boot answer: theme, texts and the member's progress. */
const unreadByBoot = [
  "shop",
  // the theme as the data-theme-* checks read it (theme.programName included): one shared constant in the bundle
  "theme.locales",
  "campaigns",
  "raffles",
  "announcements",
  ...[
    "tier",
    "tierPoints",
    "nextTier",
    "redeemable",
    "referral",
    "activity",
    "wallet",
    "marketingConsent",
    "pending",
    "pendingUntil",
    "expiry",
    "raffles",
    "feedbackRequest",
    "marketingConsentAt",
  ].map((name) => `customer.${name}`),
  "customer.nextReward.rewardId",
  "customer.nextReward.title",
  "customer.readyReward.rewardId",
  "customer.readyReward.cost",
];

/**
 * The panel reads the rest of the boot answer: the shop, the campaigns and the member's own state. What the boot checked before
 * it kept the answer (the theme, the language, the clock, the launcher's part of the member) is not checked again.
 */
const unreadByPanel = [
  "shop.defaultLocale",
  "texts",
  "panel",
  "locale",
  "now",
  "sessionError",
  "customer.balance",
  "customer.ordersCount",
  "customer.nextReward.rewardId",
  "customer.nextReward.cost",
  "customer.nextReward.missing",
  "customer.readyReward.title",
  // a bonus window's rule comes in words (schedule): of the rule, the panel reads its time zone only
  ...["active", "next"].flatMap((when) =>
    ["id", "startsAt", "weekly.days", "weekly.start", "weekly.end"].map((field) => `campaigns.${when}.${field}`),
  ),
  "customer.redeemable",
  "customer.tier.multiplier",
  "customer.activity.id",
  "customer.activity.orderId",
  "customer.activity.rewardId",
  "customer.activity.createdAt",
  // a wallet code's reward: its title, kind and id (its conditions come in words, with the panel answer's rewardTerms)
  ...["codeValidityDays", "product", "minimumSubtotal", "amount", "percent", "tiers"].map((field) => `customer.wallet.reward.${field}`),
  "customer.marketingConsentAt",
  "customer.feedbackRequest",
  // of a raffle, the panel draws its words (terms, when), not its dates or its draw (anyone checks those at GET …/raffles/{id})
  ...["prize", "opensAt", "closesAt", "commitment", "seed", "winningEntryId", "drawnAt"].map((field) => `raffles.${field}`),
  // a winner's prize code is in their wallet
  "customer.raffles.prizeCode",
  "announcements",
  ...Object.keys(Theme.def.shape).map((token) => `theme.${token}`),
];

/** The compact schemas the boot checks with: its answer, error bodies, and the theme tokens `data-theme-*` may set. */
export const bootSchemas = () => ({
  WidgetBoot: from(WidgetBoot, unreadByBoot),
  // any code, not only today's: a newer endpoint's codes still reach the page's error listeners as they are
  ErrorBody: from(z.object({ error: z.object({ code: z.string(), message: z.string() }) })),
  Theme: fromObject(Theme, ["locales"]),
});

/** The compact schemas the panel checks with: the boot answer's member part, the panel answer, and its own requests' answers. */
export const panelSchemas = () => ({
  WidgetBoot: from(WidgetBoot, unreadByPanel),
  // a reward's product is the shop's identifier, never shown: the title says what it is
  // what the endpoint also writes in words (the rewards' conditions, the friend's offer, the ways to earn) is read in words only
  WidgetPanel: from(WidgetPanel, [
    ...["codeValidityDays", "product", "minimumSubtotal", "amount", "percent"].map((field) => `program.rewards.${field}`),
    "program.referral.friendOffer",
    "program.pointsPerUnit",
    "program.channels",
    "program.tierWindowDays",
    "program.tiers",
    ...["id", "limit", "title"].map((field) => `program.actions.${field}`),
    "program.pending",
    "program.expiry",
  ]),
  Redemption: from(Redemption, ["redemptionId"]),
  ReferralWelcome: from(ReferralWelcome, ["offer"]),
  ActivityPage: from(ActivityPage, ["entries.id", "entries.orderId", "entries.rewardId", "entries.createdAt"]),
  ConsentState: from(ConsentState, ["changedAt"]),
  RaffleEntryResult: from(RaffleEntryResult, ["raffleId", "entries", "totalEntries", "balance"]),
});
