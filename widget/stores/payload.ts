import { atom } from "nanostores";
import type { WidgetPayload } from "../../contract/widget.ts";
import { fetchPayload } from "../api.ts";
import { emit } from "./events.ts";

/** The one response the widget draws from; null until it arrives. */
export const $payload = atom<WidgetPayload | null>(null);
/** Server clock minus local clock, so countdowns follow the server. */
let clockOffset = 0;
export const serverNow = () => Date.now() + clockOffset;

let controller: AbortController | undefined;

/** Loads (or reloads, after identify/logout) the payload; a newer load cancels an older one. */
export async function loadPayload() {
  controller?.abort();
  const current = new AbortController();
  controller = current;
  const result = await fetchPayload(current.signal);
  if (current.signal.aborted) return false;
  if (!result.ok) {
    emit("error", result.error);
    return false;
  }
  clockOffset = Date.parse(result.data.now) - Date.now();
  $payload.set(result.data);
  return true;
}

export const cancelPayload = () => controller?.abort();

/**
 * After a redemption: the new balance at once, then the payload again, so that what the balance reaches (next reward,
 * redeemable rewards) and the ledger entry come from the endpoint rather than from a copy of its rules here.
 */
export function setBalance(balance: number) {
  const payload = $payload.get();
  if (payload?.customer) $payload.set({ ...payload, customer: { ...payload.customer, balance } });
  return loadPayload();
}
