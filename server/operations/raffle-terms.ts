import type { Raffle } from "../../contract/index.ts";
import { commitmentOf, judgeRaffleChange, newSeed, raffleStatus, termsOf } from "../domain/raffles.ts";
import type { Queries } from "../storage/driver.ts";
import { type RaffleRow, raffles } from "../storage/raffles.ts";
import { ApiError } from "./errors.ts";

// A raffle's terms as the program saves them (a shop's settings write them; entries and draws read them).

/** The raffle's definition as stored with it: the terms its entries were bought under. */
export const definitionOf = (row: RaffleRow) => JSON.parse(row.terms) as Raffle;

/** Where a stored raffle stands now. */
export const statusOf = (row: RaffleRow, now: number) => raffleStatus({ opensAt: row.opens_at, closesAt: row.closes_at, state: row.status }, now);

/**
 * Brings the stored raffles in line with a program being saved, in its transaction: a new raffle gets its secret seed (and so
 * its commitment) before anyone can enter it; a raffle's terms follow the program until it opens and are fixed after; a
 * cancelled one is marked for its refunds; one taken out before opening is forgotten. Anything else is `raffle_locked`.
 */
export async function syncRaffles(tx: Queries, shopId: string, program: readonly Raffle[], now: number): Promise<void> {
  const stored = new Map((await raffles.ofShop(tx, shopId, true)).map((row) => [row.id, row]));
  const judge = (row: RaffleRow | undefined, next: Raffle | null) => {
    const verdict = judgeRaffleChange(row ? { definition: definitionOf(row), state: row.status } : null, next, now);
    if (!verdict.allowed) throw new ApiError(verdict.reason === "invalid" ? "invalid_request" : "raffle_locked", verdict.message);
  };
  for (const next of program) {
    const row = stored.get(next.id);
    judge(row, next);
    const { opensAt, closesAt } = termsOf(next);
    if (!row) {
      const seed = newSeed();
      await raffles.insert(tx, {
        shopId,
        id: next.id,
        seed,
        commitment: commitmentOf(seed),
        terms: JSON.stringify(next),
        opensAt,
        closesAt,
        at: now,
      });
    } else
      await raffles.saveTerms(
        tx,
        shopId,
        next.id,
        JSON.stringify({ ...next, cancelled: next.cancelled || row.status === "cancelled" }),
        opensAt,
        closesAt,
      );
    if (next.cancelled && row?.status !== "cancelled") await raffles.cancel(tx, shopId, next.id, now);
  }
  const kept = new Set(program.map((raffle) => raffle.id));
  for (const row of stored.values()) {
    if (kept.has(row.id)) continue;
    judge(row, null);
    // drawn and cancelled raffles stay stored: their draw can still be checked, and refunds still happen
    await raffles.remove(tx, shopId, row.id);
  }
}
