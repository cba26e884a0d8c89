import { atom, map } from "nanostores";
import { AdjustmentRequest, type ConsoleCustomer, type CustomerSummary } from "../../contract/index.ts";
import { api } from "../api.ts";
import type { TextKey } from "../i18n/index.ts";

export const $customerQuery = atom("");
export const $customerResults = atom<CustomerSummary[] | null>(null);
export const $customer = atom<ConsoleCustomer | null>(null);
export const $customerNotice = atom<{ key: TextKey; values?: Record<string, string | number> } | { error: string } | null>(null);

export const $adjustment = map({
  points: "",
  reason: "",
  errors: {} as Partial<Record<"points" | "reason", TextKey>>,
  busy: false,
});

export async function searchCustomers() {
  const query = $customerQuery.get().trim();
  if (!query) return;
  const result = await api.searchCustomers(query);
  $customerResults.set(result.ok ? result.data.customers : []);
  if (result.ok && result.data.customers.length === 1) await openCustomer(result.data.customers[0]?.id ?? "");
}

export async function openCustomer(id: string) {
  const result = await api.customer(id);
  $customerNotice.set(result.ok ? null : { error: result.error.message });
  $customer.set(result.ok ? result.data : null);
}

export function editAdjustment(field: "points" | "reason", value: string) {
  $adjustment.setKey(field, value);
  $adjustment.setKey("errors", { ...$adjustment.get().errors, [field]: undefined });
}

/** Adds or removes points with a reason; the id makes a double click count once. */
export async function submitAdjustment() {
  const customer = $customer.get();
  const form = $adjustment.get();
  if (!customer) return;
  const errors: Partial<Record<"points" | "reason", TextKey>> = {};
  const points = Number(form.points);
  if (!/^-?\d+$/.test(form.points.trim()) || points === 0) errors.points = "notZero";
  if (!form.reason.trim()) errors.reason = "required";
  const request = { id: `console-${crypto.randomUUID()}`, points, reason: form.reason.trim() };
  if (!errors.points && !errors.reason && !AdjustmentRequest.safeParse(request).success) errors.points = "notZero";
  $adjustment.setKey("errors", errors);
  if (Object.keys(errors).length) return;
  $adjustment.setKey("busy", true);
  const result = await api.adjust(customer.details.id, request);
  $adjustment.set({ points: "", reason: "", errors: {}, busy: false });
  if (!result.ok) return $customerNotice.set({ error: result.error.message });
  await openCustomer(customer.details.id);
  $customerNotice.set({ key: "adjusted", values: { balance: result.data.balance } });
}

export async function eraseCustomer() {
  const customer = $customer.get();
  if (!customer) return;
  const result = await api.erase(customer.details.id);
  if (!result.ok) return $customerNotice.set({ error: result.error.message });
  $customer.set(null);
  $customerResults.set(null);
  $customerNotice.set({ key: "erased" });
}
