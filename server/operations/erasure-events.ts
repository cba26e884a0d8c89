import { events } from "../storage/repository.ts";
import type { Queries } from "../storage/driver.ts";
import { erasureEvents } from "../storage/webhooks.ts";
import type { Services } from "./services.ts";
import { DAY } from "../../contract/time.ts";

/** How long a `customer.erased` event may keep the erased customer's id: past the whole retry schedule (27 h 35 min). */
export const ERASED_ID_KEPT_MS = 7 * DAY;

/**
 * In the erasure's transaction: the customer's events not yet sent are dropped with their messages (a receiver must not get
 * them after the erasure), and `customer.erased` is recorded with only the shop's own id of the customer, not linked to them.
 */
export async function recordErasure(tx: Queries, shopId: string, customerId: string, at: number): Promise<void> {
  await erasureEvents.dropCustomerEvents(tx, shopId, customerId);
  await events.record(tx, { shopId, type: "customer.erased", customerId: null, data: { customerId }, at });
}

/** Forgets the ids of erased customers kept past `ERASED_ID_KEPT_MS` (the dispatcher forgets delivered ones at once). */
export async function forgetOldErasures(services: Services): Promise<number> {
  const { changes } = await services.driver.transaction((tx) => erasureEvents.forgetOlderThan(tx, services.now() - ERASED_ID_KEPT_MS));
  return changes;
}
