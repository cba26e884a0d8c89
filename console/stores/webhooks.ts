import { atom } from "nanostores";
import type { WebhookDelivery, WebhookSummary } from "../../contract/index.ts";
import { api } from "../api.ts";

export const $webhooks = atom<WebhookSummary[] | null>(null);
export const $selectedWebhook = atom<string | null>(null);
export const $deliveries = atom<WebhookDelivery[]>([]);
export const $deliveriesError = atom<string | null>(null);

export async function loadWebhooks() {
  const result = await api.webhooks();
  if (!result.ok) return $deliveriesError.set(result.error.message);
  $webhooks.set(result.data.webhooks);
  const first = result.data.webhooks[0];
  if (first && !$selectedWebhook.get()) await openWebhook(first.id);
}

export async function openWebhook(id: string) {
  $selectedWebhook.set(id);
  const result = await api.deliveries(id);
  $deliveriesError.set(result.ok ? null : result.error.message);
  $deliveries.set(result.ok ? result.data.deliveries : []);
}

/** Sends a delivery again now (same webhook-id), then shows the log as it stands. */
export async function redeliver(deliveryId: string) {
  const id = $selectedWebhook.get();
  if (!id) return;
  const result = await api.redeliver(id, deliveryId);
  if (!result.ok) return $deliveriesError.set(result.error.message);
  await openWebhook(id);
}
