import { createHash, createHmac, randomBytes } from "node:crypto";
import type { Raffle, RaffleStatus, Reward } from "../../contract/index.ts";

/** A raffle's secret: 32 random bytes, as hex. Stored before anyone can enter, revealed at the draw. */
export const newSeed = () => randomBytes(32).toString("hex");

/** What is published before the draw: the hex SHA-256 of the seed's 32 bytes. */
export const commitmentOf = (seed: string) => createHash("sha256").update(Buffer.from(seed, "hex")).digest("hex");

/** An entry's ticket: the hex HMAC-SHA256 of its id (UTF-8), keyed with the seed's 32 bytes. The lowest ticket wins. */
export const ticketOf = (seed: string, entryId: string) => createHmac("sha256", Buffer.from(seed, "hex")).update(entryId, "utf8").digest("hex");

/** The winning entry: the one with the lowest ticket (hex strings of one length compare as numbers do); null without entries. */
export function drawWinner(seed: string, entryIds: readonly string[]): string | null {
  let winner: { id: string; ticket: string } | null = null;
  for (const id of entryIds) {
    const ticket = ticketOf(seed, id);
    if (!winner || ticket < winner.ticket) winner = { id, ticket };
  }
  return winner?.id ?? null;
}

/** Where a raffle stands; `state` is what storage knows (drawn and cancelled are final), the rest follows from the clock. */
export function raffleStatus(raffle: { opensAt: number; closesAt: number; state: string }, now: number): RaffleStatus {
  if (raffle.state === "drawn") return "drawn";
  if (raffle.state === "cancelled") return "cancelled";
  if (now < raffle.opensAt) return "upcoming";
  return now < raffle.closesAt ? "open" : "closed";
}

export interface EntryFacts {
  status: RaffleStatus;
  count: number;
  /** Entries the member already holds in this raffle. */
  held: number;
  maxEntriesPerCustomer: number;
  entryCost: number;
  /** Available points (pending points are not spendable). */
  balance: number;
}

export type EntryRefusal = { reason: "raffle_not_open" | "raffle_entry_limit" | "insufficient_points"; message: string };

/** Whether a member may buy `count` entries, as checks in order, each with its reason. */
export function judgeRaffleEntry(facts: EntryFacts): { enters: true } | ({ enters: false } & EntryRefusal) {
  const refuse = (reason: EntryRefusal["reason"], message: string) => ({ enters: false as const, reason, message });
  if (facts.status !== "open") return refuse("raffle_not_open", `this raffle is ${facts.status}: entries are taken only while it is open`);
  if (facts.held + facts.count > facts.maxEntriesPerCustomer)
    return refuse(
      "raffle_entry_limit",
      `at most ${facts.maxEntriesPerCustomer} entries per customer; this member holds ${facts.held}, so ${Math.max(0, facts.maxEntriesPerCustomer - facts.held)} more at most`,
    );
  const cost = facts.count * facts.entryCost;
  if (facts.balance < cost) return refuse("insufficient_points", `${facts.count} entries cost ${cost} points and the balance is ${facts.balance}`);
  return { enters: true };
}

/** The terms a member enters under: fixed once the raffle opens. */
export function termsOf(raffle: Raffle) {
  return {
    entryCost: raffle.entryCost,
    maxEntriesPerCustomer: raffle.maxEntriesPerCustomer,
    opensAt: Date.parse(raffle.opensAt),
    closesAt: Date.parse(raffle.closesAt),
    prize: raffle.prize,
    prizeCode: raffle.prizeCode ?? null,
  };
}

/** JSON with object keys sorted, so that two equal values compare equal whatever order their keys were written in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );

export interface StoredRaffle {
  definition: Raffle;
  state: "scheduled" | "drawn" | "cancelled";
}

/**
 * Whether a program may say `next` (null: the raffle is left out) of a raffle stored as `stored` (null: a new one), as checks in
 * order, each with its reason. Before it opens a raffle is a draft; once open, members have paid under its terms.
 */
export function judgeRaffleChange(
  stored: StoredRaffle | null,
  next: Raffle | null,
  now: number,
): { allowed: true } | { allowed: false; reason: "invalid" | "locked"; message: string } {
  const refuse = (message: string, reason: "invalid" | "locked" = "locked") => ({ allowed: false as const, reason, message });
  if (!stored) {
    if (next && Date.parse(next.closesAt) <= now) return refuse(`raffle "${next.id}": closesAt is in the past`, "invalid");
    return { allowed: true };
  }
  const { definition, state } = stored;
  const opened = Date.parse(definition.opensAt) <= now;
  const id = definition.id;
  // a draft may move, but not into the past: it would be drawn at once, before anyone could enter
  if (!opened && next && Date.parse(next.closesAt) <= now) return refuse(`raffle "${id}": closesAt is in the past`, "invalid");
  if (!next) {
    if (opened && state === "scheduled")
      return refuse(`raffle "${id}" is open: cancel it with "cancelled": true (every entry's points go back) instead of removing it`);
    return { allowed: true };
  }
  if (state === "cancelled" && !next.cancelled) return refuse(`raffle "${id}" was cancelled: a cancelled raffle stays cancelled`);
  if (state === "drawn" && next.cancelled) return refuse(`raffle "${id}" has been drawn: it can no longer be cancelled`);
  if ((opened || state !== "scheduled") && canonical(termsOf(definition)) !== canonical(termsOf(next)))
    return refuse(
      `raffle "${id}" has opened: its entryCost, maxEntriesPerCustomer, opensAt, closesAt, prize and prizeCode are fixed (only its title may change)`,
    );
  return { allowed: true };
}

/**
 * The winner's code as a reward code's offer (what the wallet, the shop's checkout and `GET /v1/discount-codes` read): the
 * prize's kind and value, titled with the prize, costing what one entry cost.
 */
export function prizeReward(raffle: Raffle): Reward | null {
  const prize = raffle.prizeCode;
  if (!prize) return null;
  const base = {
    id: raffle.id,
    cost: raffle.entryCost,
    title: raffle.prize,
    codeValidityDays: prize.validityDays,
    ...(prize.minimumSubtotal && { minimumSubtotal: prize.minimumSubtotal }),
  };
  switch (prize.kind) {
    case "amount_off":
      return { ...base, kind: "amount_off", amount: prize.amount };
    case "percent_off":
      return { ...base, kind: "percent_off", percent: prize.percent };
    case "free_shipping":
      return { ...base, kind: "free_shipping" };
    case "free_product":
      return { ...base, kind: "free_product", product: prize.product };
  }
}
