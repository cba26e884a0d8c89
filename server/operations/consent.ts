import type { ConsentState } from "../../contract/index.ts";
import { referralCode } from "../domain/codes.ts";
import { consents } from "../storage/consents.ts";
import type { Queries } from "../storage/driver.ts";
import { type CustomerRow, customers, events } from "../storage/repository.ts";
import type { Services, Shop } from "./services.ts";

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Records a change of a customer's consent to marketing, in the caller's transaction: a history row with its time and source,
 * the customer's current value, and a `consent.changed` event for the shop (whose own emails must follow it). Saying again
 * what is already recorded changes nothing.
 */
export async function changeConsent(
  tx: Queries,
  shop: Shop,
  customer: CustomerRow,
  marketing: boolean,
  source: "widget" | "shop",
  now: number,
): Promise<ConsentState> {
  const current = customer.marketing_consent === 1;
  if (current === marketing)
    return { marketingConsent: current, changedAt: customer.marketing_consent_at === null ? null : iso(Number(customer.marketing_consent_at)) };
  await consents.record(tx, { shopId: shop.id, customerId: customer.id, marketing, source, at: now });
  await events.record(tx, {
    shopId: shop.id,
    type: "consent.changed",
    customerId: customer.id,
    data: { customerId: customer.id, marketingConsent: marketing, source, changedAt: iso(now) },
    at: now,
  });
  return { marketingConsent: marketing, changedAt: iso(now) };
}

/** The shopper's own switch in the widget (`PUT /v1/shops/{shop}/consent`). */
export async function setConsentFromWidget(services: Services, shop: Shop, customerId: string, marketing: boolean): Promise<ConsentState> {
  const now = services.now();
  return services.driver.transaction(async (tx) => {
    const customer = await customers.ensure(tx, shop.id, customerId, now, referralCode);
    return changeConsent(tx, shop, customer, marketing, "widget", now);
  });
}

/** The customer's latest changes of consent, newest first, and when it last changed. */
export async function consentOf(q: Queries, shop: Shop, customer: CustomerRow) {
  const history = await consents.latest(q, shop.id, customer.id, 20);
  return {
    marketingConsentAt: customer.marketing_consent_at === null ? null : iso(Number(customer.marketing_consent_at)),
    consentHistory: history.map((row) => ({
      marketingConsent: row.marketing === 1,
      source: row.source as "widget" | "shop",
      at: iso(row.created_at),
    })),
  };
}
