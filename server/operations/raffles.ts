import { randomBytes } from "node:crypto";
import type { RaffleEntryResult } from "../../contract/index.ts";
import { referralCode } from "../domain/codes.ts";
import { judgeRaffleEntry } from "../domain/raffles.ts";
import { fingerprint } from "../domain/secrets.ts";
import { raffleEntries, rafflePurchases, raffles } from "../storage/raffles.ts";
import { customers, ledger } from "../storage/repository.ts";
import { ApiError } from "./errors.ts";
import { onceForKey } from "./idempotency.ts";
import type { Services, Shop } from "./services.ts";
import { definitionOf, statusOf } from "./raffle-terms.ts";

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
