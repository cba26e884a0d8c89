import { z } from "zod/mini";
import { Color, FontFamily, Pixels, Theme } from "../../contract/theme.ts";
import { ActivityPage, Redemption, ReferralWelcome, WidgetPayload } from "../../contract/widget.ts";
import { compact, type Node, type Schema } from "./compact.ts";

/** The patterns of the theme tokens that go into the widget's stylesheet: the only ones the widget checks itself. */
const tokenPatterns = new Set([Color, Pixels, FontFamily].map((schema) => (z.toJSONSchema(schema) as { pattern: string }).pattern));

/** Response properties the widget never reads, by path from the response's root: left unchecked, they cost the bundle nothing. */
const unread = new Set([
  "shop.id",
  "shop.defaultLocale",
  "program.tierWindowDays",
  "program.links.terms",
  "program.rewards.tiers",
  "program.rewards.codeValidityDays",
  "program.referral.friendOffer.validityDays",
  "theme.locales",
  "locales",
  "customer.tier.id",
  "customer.tier.multiplier",
  "customer.marketingConsent",
  "customer.activity.orderId",
  "customer.activity.rewardId",
  "entries.orderId",
  "entries.rewardId",
  "redemptionId",
  "offer.validityDays",
  // what this edition of the widget does not draw yet
  "customer.wallet",
  "customer.pending",
  "customer.expiry",
  "customer.activity.occurredAt",
  "customer.activity.pendingUntil",
  "entries.occurredAt",
  "entries.pendingUntil",
  "program.campaigns.active.weekly",
  "program.campaigns.next.weekly",
  "program.actions",
  "program.pending",
  "program.expiry",
  "program.raffles",
  "program.announcements",
  "customer.raffles",
  "customer.feedbackRequest",
  "customer.marketingConsentAt",
  "customer.activity.raffleId",
  "entries.raffleId",
  "sessionError",
  // a plural text's categories other than `other` are optional and fall back to it: only `other` is checked
  ...["zero", "one", "two", "few", "many"].map((category) => `texts.${category}`),
]);

/** Enums that grow as the program does (ledger entry kinds): a newer endpoint's values must not break an older widget. */
const openEnums = new Set(["customer.activity.kind", "entries.kind"]);

const from = <T>(schema: z.ZodMiniType<T>): Schema<T> =>
  compact(z.toJSONSchema(schema, { io: "output" }), (pattern) => tokenPatterns.has(pattern), unread, "", openEnums);

/** An object schema, whose properties can also be checked one by one (the theme tokens of `data-theme-*`). */
function fromObject<T>(schema: z.ZodMiniType<T>): Schema<T> & { [property: string]: Node } {
  const node = from(schema);
  if (typeof node !== "object" || Array.isArray(node)) throw new Error("compact schema: expected an object");
  return node;
}

/** The compact form of every response the widget reads, and of the theme tokens `data-theme-*` may set. */
export const contractSchemas = () => ({
  WidgetPayload: from(WidgetPayload),
  Redemption: from(Redemption),
  ReferralWelcome: from(ReferralWelcome),
  ActivityPage: from(ActivityPage),
  // any code, not only today's: a newer endpoint's codes still reach the page's error listeners as they are
  ErrorBody: from(z.object({ error: z.object({ code: z.string(), message: z.string() }) })),
  Theme: fromObject(Theme),
});
