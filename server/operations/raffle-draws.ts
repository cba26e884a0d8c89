import type { JobReport } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import { discountCode } from "../domain/codes.ts";
import { drawWinner, prizeReward } from "../domain/raffles.ts";
import { raffleEntries, rafflePurchases, raffles } from "../storage/raffles.ts";
import { codes, customers, events, ledger, touchCustomer } from "../storage/repository.ts";
import { definitionOf } from "./raffle-terms.ts";
import type { Services, Shop } from "./services.ts";

/** Purchases refunded per transaction, so that an order never waits long behind a cancellation (SQLite has one writer). */
const BATCH = 200;

/**
 * The raffles' job: each raffle past its closesAt is drawn, and each cancelled raffle's entries get their points back. Both
 * happen once however many processes run the jobs at once: the draw holds the raffle's row and checks it is still to draw;
 * each refund claims its purchase under the customer's row lock.
 */
export async function settleRaffles(services: Services, shop: Shop, report: JobReport): Promise<void> {
  const now = services.now();
  for (const { id } of await raffles.due(services.driver.read, shop.id, now)) {
    const row = await raffles.get(services.driver.read, shop.id, id);
    if (row?.status === "cancelled") await refundEntries(services, shop, id, now, report);
    else if (row?.status === "scheduled") await drawRaffle(services, shop, id, now, report);
  }
}

/**
 * Draws a raffle: the winner is the entry with the lowest HMAC-SHA256(seed, entry id), over every entry bought before the draw
 * took the raffle's row (entries hold it shared until they commit). The winner gets the prize's code when there is one, and the
 * shop is told with a `raffle.won` event, in the same transaction.
 */
async function drawRaffle(services: Services, shop: Shop, raffleId: string, now: number, report: JobReport): Promise<void> {
  const drawn = await services.driver.transaction(async (tx) => {
    const row = await raffles.get(tx, shop.id, raffleId, "update");
    if (row?.status !== "scheduled" || row.closes_at > now) return false;
    const entries = await raffleEntries.ofRaffle(tx, shop.id, raffleId);
    const winnerId = drawWinner(
      row.seed,
      entries.map((entry) => entry.id),
    );
    const winner = entries.find((entry) => entry.id === winnerId) ?? null;
    const definition = definitionOf(row);
    const reward = prizeReward(definition);
    let prize: { code: string; expiresAt: number } | null = null;
    if (winner) {
      const customer = await customers.get(tx, shop.id, winner.customer_id, true);
      if (reward) {
        prize = { code: discountCode(), expiresAt: now + reward.codeValidityDays * DAY };
        await codes.insert(tx, {
          shop_id: shop.id,
          code: prize.code,
          kind: "reward",
          customer_id: winner.customer_id,
          reward_id: null,
          referrer_id: null,
          offer: JSON.stringify(reward),
          expires_at: prize.expiresAt,
          created_at: now,
        });
      }
      await touchCustomer(tx, shop.id, winner.customer_id);
      await events.record(tx, {
        shopId: shop.id,
        type: "raffle.won",
        customerId: winner.customer_id,
        data: {
          raffleId,
          customerId: winner.customer_id,
          entryId: winner.id,
          prize: definition.prize,
          ...(prize && { prizeCode: prize.code, prizeCodeExpiresAt: new Date(prize.expiresAt).toISOString() }),
          marketingConsent: customer?.marketing_consent === 1,
        },
        at: now,
      });
    }
    await raffles.markDrawn(tx, {
      shopId: shop.id,
      id: raffleId,
      winnerEntryId: winner?.id ?? null,
      winnerCustomerId: winner?.customer_id ?? null,
      prizeCode: prize?.code ?? null,
      prizeExpiresAt: prize?.expiresAt ?? null,
      at: now,
    });
    await raffles.touchProgram(tx, shop.id);
    return true;
  });
  if (!drawn) return;
  report.raffles.drawn++;
  services.shops.forget(shop.id);
}

/** Gives every entry of a cancelled raffle its points back, one ledger entry per purchase, each once; then settles the raffle. */
async function refundEntries(services: Services, shop: Shop, raffleId: string, now: number, report: JobReport): Promise<void> {
  for (;;) {
    const batch = await rafflePurchases.unrefunded(services.driver.read, shop.id, raffleId, BATCH);
    if (batch.length === 0) break;
    await services.driver.transaction(async (tx) => {
      for (const purchase of batch) {
        await customers.get(tx, shop.id, purchase.customer_id, true);
        // false when another process refunded it first
        if (!(await rafflePurchases.markRefunded(tx, shop.id, purchase.id, now))) continue;
        await ledger.append(tx, {
          shopId: shop.id,
          customerId: purchase.customer_id,
          kind: "raffle_refund",
          points: purchase.points,
          causeType: "raffle",
          causeId: purchase.id,
          at: now,
        });
        report.raffles.refundedEntries += purchase.entries;
        report.raffles.refundedPoints += purchase.points;
      }
    });
  }
  await services.driver.transaction(async (tx) => {
    const row = await raffles.get(tx, shop.id, raffleId, "update");
    if (!row || row.settled_at !== null) return;
    if ((await rafflePurchases.unrefunded(tx, shop.id, raffleId, 1)).length) return;
    await raffles.markSettled(tx, shop.id, raffleId, now);
  });
}
