import { z } from "zod/mini";
import { Currency, ExternalId, LocalizedText, Money, Points, PositivePoints, Slug, Timestamp } from "./common.ts";

/** Contract 7.4: raffles ("sorteos"), post-purchase feedback, announcements and the shopper's consent to marketing. */

const ValidityDays = z.int().check(z.minimum(1), z.maximum(365));

/** A code the raffle's winner gets, like a reward's. Absent: the prize is delivered by the shop, which is told (`raffle.won`). */
export const RafflePrizeCode = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("amount_off"), amount: Money, minimumSubtotal: z.optional(Money), validityDays: ValidityDays }),
  z.object({
    kind: z.literal("percent_off"),
    percent: z.int().check(z.minimum(1), z.maximum(100)),
    minimumSubtotal: z.optional(Money),
    validityDays: ValidityDays,
  }),
  z.object({ kind: z.literal("free_shipping"), minimumSubtotal: z.optional(Money), validityDays: ValidityDays }),
  z.object({
    kind: z.literal("free_product"),
    product: z.string().check(z.minLength(1), z.maxLength(200)),
    minimumSubtotal: z.optional(Money),
    validityDays: ValidityDays,
  }),
]);
export type RafflePrizeCode = z.infer<typeof RafflePrizeCode>;

/**
 * A raffle in the program. Once it opens, its terms (entryCost, maxEntriesPerCustomer, opensAt, closesAt, prize, prizeCode)
 * are fixed: a change is refused with `raffle_locked`. `cancelled: true` cancels it before the draw: every entry's points go
 * back, once.
 */
export const Raffle = z.object({
  id: Slug,
  title: LocalizedText,
  prize: LocalizedText,
  /** Points one entry costs. */
  entryCost: PositivePoints,
  maxEntriesPerCustomer: z.int().check(z.minimum(1), z.maximum(100)),
  opensAt: Timestamp,
  /** When entries stop and the endpoint draws (its jobs run about every minute). */
  closesAt: Timestamp,
  prizeCode: z.optional(RafflePrizeCode),
  cancelled: z.optional(z.boolean()),
});
export type Raffle = z.infer<typeof Raffle>;

/** Program news, shown in the widget from `startsAt` until `endsAt`. */
export const Announcement = z.object({
  id: Slug,
  title: LocalizedText,
  body: LocalizedText,
  startsAt: Timestamp,
  endsAt: Timestamp,
});
export type Announcement = z.infer<typeof Announcement>;

/** Items with unique ids whose `from` comes before their `to`: the rules every dated list of the program shares. */
const datedList = <T extends { id: string }>(what: string, from: keyof T & string, to: keyof T & string) =>
  z.superRefine<T[]>((items, ctx) => {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.id)) ctx.issues.push({ code: "custom", message: `${what} id "${item.id}" is used twice`, input: item.id });
      seen.add(item.id);
      if (Date.parse(String(item[to])) <= Date.parse(String(item[from])))
        ctx.issues.push({ code: "custom", message: `${what} "${item.id}": ${to} must come after ${from}`, input: item[to] });
    }
  });

export const ProgramRaffles = z.array(Raffle).check(z.maxLength(20), datedList<Raffle>("raffle", "opensAt", "closesAt"));
export const ProgramAnnouncements = z.array(Announcement).check(z.maxLength(20), datedList<Announcement>("announcement", "startsAt", "endsAt"));

// ---- raffles: entering, the draw

export const RaffleEntryRequest = z.strictObject({ count: z.int().check(z.minimum(1), z.maximum(100)) });
export type RaffleEntryRequest = z.infer<typeof RaffleEntryRequest>;

export const RaffleEntryResult = z.object({
  raffleId: Slug,
  /** The entries this request bought; their ids take part in the draw. */
  entries: z.array(z.object({ id: z.string() })),
  /** The member's entries in this raffle now, these included. */
  totalEntries: z.int(),
  balance: Points,
});
export type RaffleEntryResult = z.infer<typeof RaffleEntryResult>;

/** `upcoming` → `open` (opensAt) → `closed` (closesAt, until the draw) → `drawn`; or `cancelled` at any point before the draw. */
export const RaffleStatus = z.enum(["upcoming", "open", "closed", "drawn", "cancelled"]);
export type RaffleStatus = z.infer<typeof RaffleStatus>;

/**
 * A raffle's draw, for the shop's backend (`GET /v1/raffles/{id}`): `commitment` is the hex SHA-256 of the 32-byte `seed`,
 * published before anyone could enter; `seed` is revealed at the draw; the winner is the entry with the lowest hex
 * HMAC-SHA256(seed, entry id).
 */
export const RaffleDraw = z.object({
  id: Slug,
  status: RaffleStatus,
  commitment: z.string(),
  seed: z.optional(z.string()),
  entries: z.array(z.object({ id: z.string(), customerId: ExternalId })),
  /** Absent before the draw, and when nobody entered. */
  winner: z.optional(z.object({ entryId: z.string(), customerId: ExternalId, prizeCode: z.optional(z.string()) })),
  drawnAt: z.optional(Timestamp),
});
export type RaffleDraw = z.infer<typeof RaffleDraw>;

/** The same draw as anyone may check it (`GET /v1/shops/{shop}/raffles/{id}`, no token): entry ids without customers. */
export const PublicRaffleDraw = z.object({
  id: Slug,
  status: RaffleStatus,
  commitment: z.string(),
  seed: z.optional(z.string()),
  entries: z.array(z.object({ id: z.string() })),
  winner: z.optional(z.object({ entryId: z.string() })),
  drawnAt: z.optional(Timestamp),
});
export type PublicRaffleDraw = z.infer<typeof PublicRaffleDraw>;

/** A raffle as the widget shows it to every shopper (program part of the payload). */
export const WidgetRaffle = z.object({
  id: Slug,
  title: LocalizedText,
  prize: LocalizedText,
  entryCost: Points,
  maxEntriesPerCustomer: z.int(),
  opensAt: Timestamp,
  closesAt: Timestamp,
  status: RaffleStatus,
  commitment: z.string(),
  /** After the draw: the seed, and the winning entry's id (absent when nobody entered). */
  seed: z.optional(z.string()),
  winningEntryId: z.optional(z.string()),
  drawnAt: z.optional(Timestamp),
  /**
   * Where it stands in words, in the answer's language and the program's time zone ("Cierra el 12 de diciembre a las 20:00",
   * "Sorteado el 13 de diciembre"): in the boot answer's raffles.
   */
  when: z.optional(z.string()),
  /** Its prize and entries in words ("Premio: una cesta. 50 puntos por participación, hasta 5 por persona"): in the boot answer's raffles. */
  terms: z.optional(z.string()),
});
export type WidgetRaffle = z.infer<typeof WidgetRaffle>;

/** The member's part in a raffle (customer part of the payload). */
export const WidgetRaffleEntries = z.object({
  raffleId: Slug,
  entryIds: z.array(z.string()),
  won: z.boolean(),
  /** The winner's code, when the prize is one. */
  prizeCode: z.optional(z.object({ code: z.string(), expiresAt: Timestamp })),
});
export type WidgetRaffleEntries = z.infer<typeof WidgetRaffleEntries>;

/** An announcement as the widget shows it while current; `revision` changes when its text does (the "new" dot compares it). */
export const WidgetAnnouncement = z.object({
  id: Slug,
  revision: z.string(),
  title: LocalizedText,
  body: LocalizedText,
  startsAt: Timestamp,
  endsAt: Timestamp,
});
export type WidgetAnnouncement = z.infer<typeof WidgetAnnouncement>;

// ---- post-purchase feedback

/** Text a shopper writes: at most 1,000 characters, no control characters but line breaks and tabs. */
const ShopperText = z.string().check(
  z.maxLength(1000),
  z.refine((text) => ![...text].some((char) => (char < " " && char !== "\n" && char !== "\r" && char !== "\t") || char === "\u007f"), "plain text"),
);

export const FeedbackSubmission = z.strictObject({
  orderId: ExternalId,
  rating: z.int().check(z.minimum(1), z.maximum(5)),
  comment: z.optional(ShopperText),
});
export type FeedbackSubmission = z.infer<typeof FeedbackSubmission>;

export const FeedbackResult = z.object({
  orderId: ExternalId,
  rating: z.int(),
  /** Points the program's `feedback` action earned (0 without one, or past its limit). */
  points: Points,
  balance: Points,
  createdAt: Timestamp,
});
export type FeedbackResult = z.infer<typeof FeedbackResult>;

/** The member's latest order not yet rated ("¿Qué tal tu compra?"), when the program has a `feedback` action. */
export const FeedbackPrompt = z.object({ orderId: ExternalId, placedAt: Timestamp });

export const FeedbackEntry = z.object({
  orderId: ExternalId,
  customerId: ExternalId,
  rating: z.int(),
  /** The shopper's words, as text (null when none, or after the customer's erasure). */
  comment: z.nullable(z.string()),
  points: Points,
  createdAt: Timestamp,
  order: z.object({ placedAt: Timestamp, subtotal: Money, currency: Currency, channel: z.enum(["online", "store"]) }),
});
export type FeedbackEntry = z.infer<typeof FeedbackEntry>;

export const FeedbackQuery = z.object({
  cursor: z.optional(z.string().check(z.regex(/^[\w-]{1,400}$/, "a cursor from a previous page"))),
  limit: z.optional(z.string().check(z.regex(/^([1-9]\d?|100)$/, "a number from 1 to 100"))),
});
export const FeedbackPage = z.object({
  feedback: z.array(FeedbackEntry),
  /** Pass as `?cursor=` for the next (older) page; null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type FeedbackPage = z.infer<typeof FeedbackPage>;

// ---- consent

export const ConsentUpdate = z.strictObject({ marketing: z.boolean() });
export const ConsentSource = z.enum(["widget", "shop"]);
export const ConsentRecord = z.object({ marketingConsent: z.boolean(), source: ConsentSource, at: Timestamp });
export type ConsentRecord = z.infer<typeof ConsentRecord>;
export const ConsentState = z.object({
  marketingConsent: z.boolean(),
  /** When it last changed (null: never recorded). */
  changedAt: z.nullable(Timestamp),
});
export type ConsentState = z.infer<typeof ConsentState>;

// ---- the console

export const RaffleSummary = z.object({
  raffle: Raffle,
  status: RaffleStatus,
  commitment: z.string(),
  seed: z.optional(z.string()),
  entries: z.int(),
  entrants: z.int(),
  winner: z.optional(z.object({ entryId: z.string(), customerId: ExternalId, prizeCode: z.optional(z.string()) })),
  drawnAt: z.optional(Timestamp),
  cancelledAt: z.optional(Timestamp),
  /** A cancelled raffle: when every entry's points were back. */
  refundedAt: z.optional(Timestamp),
});
export type RaffleSummary = z.infer<typeof RaffleSummary>;
export const RaffleList = z.object({ raffles: z.array(RaffleSummary) });
export const RaffleDetails = z.object({
  summary: RaffleSummary,
  entries: z.array(z.object({ id: z.string(), customerId: ExternalId, createdAt: Timestamp, refunded: z.boolean() })),
});
export type RaffleDetails = z.infer<typeof RaffleDetails>;
