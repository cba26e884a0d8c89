import type { PublicRaffleDraw, RaffleDetails, RaffleDraw, RaffleSummary } from "../../contract/index.ts";
import { type RaffleRow, raffleEntries, rafflePurchases, raffles } from "../storage/raffles.ts";
import { ApiError } from "./errors.ts";
import { definitionOf, statusOf } from "./raffle-terms.ts";
import type { Services, Shop } from "./services.ts";

const iso = (ms: number) => new Date(ms).toISOString();

async function requireRaffle(services: Services, shop: Shop, raffleId: string): Promise<RaffleRow> {
  const row = await raffles.get(services.driver.read, shop.id, raffleId);
  if (!row) throw new ApiError("not_found", `no raffle "${raffleId}"`);
  return row;
}

/** What is public of a draw in any case: its commitment, and once drawn its seed and when. */
function drawOf(row: RaffleRow, now: number) {
  const drawn = row.status === "drawn";
  return {
    id: row.id,
    status: statusOf(row, now),
    commitment: row.commitment,
    ...(drawn && { seed: row.seed }),
    ...(drawn && row.drawn_at !== null && { drawnAt: iso(row.drawn_at) }),
  };
}

/** A raffle's draw for the shop's backend: every entry with its customer, and after the draw the seed and the winner. */
export async function raffleDraw(services: Services, shop: Shop, raffleId: string): Promise<RaffleDraw> {
  const row = await requireRaffle(services, shop, raffleId);
  const entries = await raffleEntries.ofRaffle(services.driver.read, shop.id, raffleId);
  const draw: RaffleDraw = { ...drawOf(row, services.now()), entries: entries.map((entry) => ({ id: entry.id, customerId: entry.customer_id })) };
  if (row.winner_entry_id && row.winner_customer_id)
    draw.winner = { entryId: row.winner_entry_id, customerId: row.winner_customer_id, ...(row.prize_code && { prizeCode: row.prize_code }) };
  return draw;
}

/** The same draw as anyone may check it: entry ids only, no customers. */
export async function publicRaffleDraw(services: Services, shop: Shop, raffleId: string): Promise<PublicRaffleDraw> {
  const row = await requireRaffle(services, shop, raffleId);
  const entries = await raffleEntries.ofRaffle(services.driver.read, shop.id, raffleId);
  return {
    ...drawOf(row, services.now()),
    entries: entries.map((entry) => ({ id: entry.id })),
    ...(row.winner_entry_id && { winner: { entryId: row.winner_entry_id } }),
  };
}

function summaryOf(row: RaffleRow, counts: { entries: number; entrants: number } | undefined, now: number): RaffleSummary {
  const { id: _, ...draw } = drawOf(row, now);
  const summary: RaffleSummary = {
    raffle: definitionOf(row),
    ...draw,
    entries: Number(counts?.entries ?? 0),
    entrants: Number(counts?.entrants ?? 0),
  };
  if (row.winner_entry_id && row.winner_customer_id)
    summary.winner = { entryId: row.winner_entry_id, customerId: row.winner_customer_id, ...(row.prize_code && { prizeCode: row.prize_code }) };
  if (row.cancelled_at !== null) summary.cancelledAt = iso(row.cancelled_at);
  if (row.status === "cancelled" && row.settled_at !== null) summary.refundedAt = iso(row.settled_at);
  return summary;
}

/** Every raffle the shop has had, latest closing first, with its entries counted and its draw. */
export async function raffleSummaries(services: Services, shop: Shop): Promise<RaffleSummary[]> {
  const read = services.driver.read;
  const counts = new Map((await rafflePurchases.counts(read, shop.id)).map((row) => [row.raffle_id, row]));
  const rows = await raffles.ofShop(read, shop.id);
  const now = services.now();
  return rows.sort((a, b) => b.closes_at - a.closes_at || a.id.localeCompare(b.id)).map((row) => summaryOf(row, counts.get(row.id), now));
}

/** One raffle with every entry and its customer. */
export async function raffleDetails(services: Services, shop: Shop, raffleId: string): Promise<RaffleDetails> {
  const row = await requireRaffle(services, shop, raffleId);
  const read = services.driver.read;
  const entries = await raffleEntries.ofRaffle(read, shop.id, raffleId);
  const counts = (await rafflePurchases.counts(read, shop.id)).find((count) => count.raffle_id === raffleId);
  return {
    summary: summaryOf(row, counts, services.now()),
    entries: entries.map((entry) => ({
      id: entry.id,
      customerId: entry.customer_id,
      createdAt: iso(entry.created_at),
      refunded: entry.refunded_at !== null,
    })),
  };
}
