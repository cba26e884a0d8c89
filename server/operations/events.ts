import type { EventPage, WebhookEventType } from "../../contract/index.ts";
import type { Queries } from "../storage/driver.ts";
import { customers, events } from "../storage/repository.ts";
import type { Services, Shop } from "./services.ts";

/** The shop's events after `after`, oldest first. */
export async function eventPage(services: Services, shop: Shop, after: number, limit: number): Promise<EventPage> {
  const rows = await events.after(services.driver.read, shop.id, after, limit);
  return {
    events: rows.map((row) => ({
      id: String(row.id),
      type: row.type,
      timestamp: new Date(Number(row.created_at)).toISOString(),
      data: JSON.parse(row.data) as Record<string, unknown>,
    })),
    last: String(rows.at(-1)?.id ?? after),
  };
}

/**
 * Records an event about a customer in the caller's transaction, with the customer's `marketingConsent`: events flow for
 * customers who opted out too, and the shop decides what to send them.
 */
export async function recordCustomerEvent(
  tx: Queries,
  shopId: string,
  event: { type: WebhookEventType; customerId: string; data: Record<string, unknown>; at: number; marketingConsent?: boolean },
): Promise<void> {
  // the caller may know it already (it holds the customer's row): one query fewer
  const marketingConsent = event.marketingConsent ?? Number((await customers.get(tx, shopId, event.customerId))?.marketing_consent ?? 0) === 1;
  await events.record(tx, {
    shopId,
    type: event.type,
    customerId: event.customerId,
    data: { customerId: event.customerId, ...event.data, marketingConsent },
    at: event.at,
  });
}
