import type { CreatedWebhook, DeliveryPage, WebhookDelivery, WebhookRequest, WebhookSummary } from "../../contract/index.ts";
import { HOUR } from "../../contract/time.ts";
import { newWebhookId, newWebhookSecret, urlProblem } from "../domain/webhooks.ts";
import { type DeliveryRow, deliveries, type WebhookRow, webhooks } from "../storage/webhooks.ts";
import { ApiError } from "./errors.ts";
import type { Services, Shop } from "./services.ts";
import { hostProblem } from "./webhook-transport.ts";

/** Webhooks a shop may have: each event is queued once per webhook, inside the transaction of the change. */
export const MAX_WEBHOOKS = 10;
const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

function toSummary(row: WebhookRow, now: number): WebhookSummary {
  const overlap = row.previous_valid_until !== null && Number(row.previous_valid_until) > now ? Number(row.previous_valid_until) : null;
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    createdAt: iso(row.created_at) as string,
    previousSecretValidUntil: iso(overlap),
  };
}

export function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: String(row.id),
    messageId: row.message_id,
    eventId: String(row.event_id),
    type: row.type,
    status: row.status,
    attempts: Number(row.attempts),
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    lastError: row.last_error,
    lastAttemptAt: iso(row.last_attempt_at),
    nextAttemptAt: row.status === "pending" ? iso(row.next_attempt_at) : null,
    deliveredAt: iso(row.delivered_at),
    createdAt: iso(row.created_at) as string,
  };
}

/** Subscribes a URL to events; refuses private and loopback targets (after resolving the host) unless the operator allows them. */
export async function createWebhook(services: Services, shop: Shop, request: WebhookRequest): Promise<CreatedWebhook> {
  const problem = urlProblem(request.url) ?? (await hostProblem(new URL(request.url), services.webhookPolicy));
  if (problem) throw new ApiError("invalid_request", `url: ${problem}`);
  const now = services.now();
  const row = { shopId: shop.id, id: newWebhookId(), url: request.url, events: [...new Set(request.events)], secret: newWebhookSecret(), at: now };
  await services.driver.transaction(async (tx) => {
    if ((await webhooks.ofShop(tx, shop.id)).length >= MAX_WEBHOOKS) throw new ApiError("conflict", `a shop has at most ${MAX_WEBHOOKS} webhooks`);
    await webhooks.insert(tx, row);
  });
  return { id: row.id, url: row.url, events: row.events, createdAt: iso(now) as string, previousSecretValidUntil: null, secret: row.secret };
}

export async function listWebhooks(services: Services, shop: Shop): Promise<WebhookSummary[]> {
  const now = services.now();
  return (await webhooks.ofShop(services.driver.read, shop.id)).map((row) => toSummary(row, now));
}

async function requireWebhook(services: Services, shop: Shop, id: string): Promise<WebhookRow> {
  const row = await webhooks.get(services.driver.read, shop.id, id);
  if (!row) throw new ApiError("not_found", `no webhook "${id}"`);
  return row;
}

export async function deleteWebhook(services: Services, shop: Shop, id: string) {
  const removed = await services.driver.transaction((tx) => webhooks.remove(tx, shop.id, id));
  if (!removed) throw new ApiError("not_found", `no webhook "${id}"`);
  return { deleted: true as const, id };
}

/**
 * A new secret. For `overlapHours` (default 24) deliveries carry two signatures, one with each secret, so the receiver
 * can switch to the new one at any time inside the overlap (Standard Webhooks allows several signatures in the header).
 */
export async function rotateWebhookSecret(services: Services, shop: Shop, id: string, overlapHours = 24) {
  const now = services.now();
  const secret = newWebhookSecret();
  const validUntil = overlapHours > 0 ? now + overlapHours * HOUR : null;
  await services.driver.transaction(async (tx) => {
    const row = await webhooks.get(tx, shop.id, id, true);
    if (!row) throw new ApiError("not_found", `no webhook "${id}"`);
    await webhooks.rotateSecret(tx, shop.id, id, secret, validUntil === null ? null : { secret: row.secret, validUntil });
  });
  return { secret, previousSecretValidUntil: iso(validUntil) };
}

export async function deliveryPage(
  services: Services,
  shop: Shop,
  id: string,
  query: { before?: number; limit: number; status?: string },
): Promise<DeliveryPage> {
  await requireWebhook(services, shop, id);
  const rows = await deliveries.page(services.driver.read, shop.id, id, query.limit + 1, query.before ?? null, query.status ?? null);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { deliveries: page.map(toDelivery), nextCursor: rows.length > query.limit && last ? String(last.id) : null };
}

/** Sends a delivery again at once, whatever became of it (the same message id: receivers deduplicate on it). */
export async function redeliver(services: Services, shop: Shop, id: string, deliveryId: number): Promise<WebhookDelivery> {
  await requireWebhook(services, shop, id);
  const done = await services.driver.transaction((tx) => deliveries.redeliver(tx, shop.id, id, deliveryId, services.now()));
  if (!done) throw new ApiError("not_found", `no delivery "${deliveryId}" of webhook "${id}"`);
  const row = await deliveries.get(services.driver.read, shop.id, id, deliveryId);
  if (!row) throw new ApiError("not_found", `no delivery "${deliveryId}"`);
  return toDelivery(row);
}
