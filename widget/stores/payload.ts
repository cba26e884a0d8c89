import { atom } from "nanostores";
import type { WidgetPayload } from "../../contract/widget.ts";
import { fetchPayload } from "../api.ts";
import { emit } from "./events.ts";
import { $setup } from "./setup.ts";

/** The one response the widget draws from; null until it arrives. */
export const $payload = atom<WidgetPayload | null>(null);
/** Server clock minus local clock, so countdowns follow the server. */
export const $clockOffset = atom(0);

let controller: AbortController | undefined;

/** Loads (or reloads, after identify/logout) the payload; a newer load cancels an older one. */
export async function loadPayload() {
  controller?.abort();
  const current = new AbortController();
  controller = current;
  const result = await fetchPayload($setup.get(), current.signal);
  if (current.signal.aborted) return false;
  if (!result.ok) {
    emit("error", result.error);
    return false;
  }
  $clockOffset.set(Date.parse(result.data.now) - Date.now());
  $payload.set(result.data);
  return true;
}

export const cancelPayload = () => controller?.abort();

/** Replaces the balance after a redemption and recomputes what it reaches, as the server does. */
export function setBalance(balance: number, entry?: WidgetPayload["program"]["rewards"][number]) {
  const payload = $payload.get();
  const customer = payload?.customer;
  if (!payload || !customer) return;
  let next: WidgetPayload["program"]["rewards"][number] | undefined;
  const redeemable: string[] = [];
  for (const reward of payload.program.rewards) {
    if (reward.cost <= balance) redeemable.push(reward.id);
    else if (!next || reward.cost < next.cost) next = reward;
  }
  const activity = entry
    ? [
        { id: `local-${Date.now()}`, kind: "redeem" as const, points: -entry.cost, createdAt: new Date().toISOString(), rewardId: entry.id },
        ...customer.activity,
      ]
    : customer.activity;
  $payload.set({
    ...payload,
    customer: {
      ...customer,
      balance,
      redeemable,
      activity,
      nextReward: next ? { rewardId: next.id, cost: next.cost, missing: next.cost - Math.max(0, balance) } : null,
    },
  });
}
