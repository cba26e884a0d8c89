import type { CustomerExport } from "../../contract/index.ts";
import { raffleStatus } from "../domain/raffles.ts";
import { consents } from "../storage/consents.ts";
import type { Queries } from "../storage/driver.ts";
import { feedback } from "../storage/feedback.ts";
import { raffleEntries, raffles } from "../storage/raffles.ts";
import { ERASED } from "./idempotency.ts";
import type { Services, Shop } from "./services.ts";

const iso = (ms: number) => new Date(ms).toISOString();

/** What a customer's privacy export holds of contract 7.4: every change of consent, their feedback, their raffle entries. */
export async function engagementExport(
  services: Services,
  shop: Shop,
  customerId: string,
): Promise<Pick<CustomerExport, "consents" | "feedback" | "raffleEntries">> {
  const read = services.driver.read;
  const now = services.now();
  return {
    consents: (await consents.all(read, shop.id, customerId)).map((row) => ({
      marketingConsent: row.marketing === 1,
      source: row.source as "widget" | "shop",
      at: iso(row.created_at),
    })),
    feedback: (await feedback.ofCustomer(read, shop.id, customerId)).map((row) => ({
      orderId: row.order_id,
      rating: row.rating,
      comment: row.comment,
      points: row.points,
      createdAt: iso(row.created_at),
    })),
    raffleEntries: (await raffleEntries.allOfCustomer(read, shop.id, customerId)).map((row) => ({
      raffleId: row.raffle_id,
      entryId: row.id,
      status: raffleStatus({ opensAt: row.opens_at, closesAt: row.closes_at, state: row.state }, now),
      won: row.winner_entry_id === row.id,
      refunded: row.refunded_at !== null,
      createdAt: iso(row.created_at),
    })),
  };
}

/** Erasure of contract 7.4's rows, in the erasure's transaction: everything moves to the pseudonym; feedback comments go. */
export async function forgetEngagement(tx: Queries, shopId: string, customerId: string, pseudonym: string): Promise<void> {
  await raffles.forgetCustomer(tx, shopId, customerId, pseudonym);
  await feedback.forget(tx, shopId, customerId, pseudonym, ERASED);
  await consents.forgetCustomer(tx, shopId, customerId, pseudonym);
}
