import { randomBytes } from "node:crypto";
import type { Raffle, RaffleEntryResult } from "../../contract/index.ts";
import { referralCode } from "../domain/codes.ts";
import { commitmentOf, judgeRaffleChange, judgeRaffleEntry, newSeed, raffleStatus, termsOf } from "../domain/raffles.ts";
import { fingerprint } from "../domain/secrets.ts";
import type { Queries } from "../storage/driver.ts";
import { type RaffleRow, raffleEntries, rafflePurchases, raffles } from "../storage/raffles.ts";
import { customers, ledger } from "../storage/repository.ts";
import { ApiError } from "./errors.ts";
import { onceForKey } from "./idempotency.ts";
import type { Services, Shop } from "./services.ts";

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

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url")}`;

/**
 * Buys `count` entries of a raffle with the member's points, atomically: the raffle is held (shared) so that its draw or
 * cancellation waits for the entry, then the customer's row is locked, so that concurrent entries never spend the same points
 * nor pass the per-customer maximum. Idempotent on the Idempotency-Key.
 */
export async function enterRaffle(
  services: Services,
  shop: Shop,
  customerId: string,
  raffleId: string,
  count: number,
  idempotencyKey: string,
): Promise<{ result: RaffleEntryResult; replayed: boolean }> {
  const now = services.now();
  return services.driver.transaction(async (tx) => {
    const row = await raffles.get(tx, shop.id, raffleId, "share");
    if (!row) throw new ApiError("not_found", `no raffle "${raffleId}"`);
    const customer = await customers.ensure(tx, shop.id, customerId, now, referralCode);
    const key = { shopId: shop.id, customerId, key: idempotencyKey, hash: fingerprint({ raffleId, count }), at: now };
    return onceForKey(tx, key, async (): Promise<RaffleEntryResult> => {
      const { entryCost, maxEntriesPerCustomer } = definitionOf(row);
      const held = await rafflePurchases.heldBy(tx, shop.id, raffleId, customerId);
      const verdict = judgeRaffleEntry({ status: statusOf(row, now), count, held, maxEntriesPerCustomer, entryCost, balance: customer.balance });
      if (!verdict.enters) throw new ApiError(verdict.reason, verdict.message);
      // the raffle's id leads the purchase's id: the ledger entry says which raffle it paid for
      const purchaseId = `${raffleId}/${newId("rp")}`;
      const points = count * entryCost;
      await rafflePurchases.insert(tx, { shopId: shop.id, id: purchaseId, raffleId, customerId, entries: count, points, at: now });
      const entries = Array.from({ length: count }, () => ({ id: newId("re") }));
      for (const entry of entries) await raffleEntries.insert(tx, { shopId: shop.id, id: entry.id, raffleId, customerId, purchaseId, at: now });
      const balance = await ledger.append(tx, {
        shopId: shop.id,
        customerId,
        kind: "raffle_entry",
        points: -points,
        causeType: "raffle",
        causeId: purchaseId,
        at: now,
      });
      return { raffleId, entries, totalEntries: held + count, balance };
    });
  });
}
