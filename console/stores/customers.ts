import { atom, map } from "nanostores";
import { AdjustmentRequest, type ConsoleCustomer, type CustomerList } from "../../contract/index.ts";
import { api } from "../api.ts";
import type { TextKey } from "../i18n/index.ts";

export type CustomerSort = "recent" | "points" | "tier";

/** The list as asked for: a search, or everyone by a sort, a page at a time. */
export const $customerQuery = map({ q: "", sort: "recent" as CustomerSort, page: 1 });
/** The search box's text, sent on submit. */
export const $searchText = atom("");
export const $customerList = atom<CustomerList | null>(null);
export const $customer = atom<ConsoleCustomer | null>(null);
export const $customerNotice = atom<{ key: TextKey; values?: Record<string, string | number> } | { error: string } | null>(null);
/** Erasing needs a second click, on the confirmation it opens. */
export const $confirmingErasure = atom(false);

export const $adjustment = map({
  points: "",
  reason: "",
  errors: {} as Partial<Record<"points" | "reason", TextKey>>,
  busy: false,
});

export async function loadCustomers() {
  const { q, sort, page } = $customerQuery.get();
  const result = await api.customers(q ? { q } : { sort, page });
  if (!result.ok) return $customerNotice.set({ error: result.error.message });
  $customerList.set(result.data);
}

/** Searches; a search that finds exactly one customer opens them. */
export async function searchCustomers() {
  $customerQuery.set({ ...$customerQuery.get(), q: $searchText.get().trim(), page: 1 });
  await loadCustomers();
  const found = $customerList.get()?.customers;
  if ($customerQuery.get().q && found?.length === 1 && found[0]) await openCustomer(found[0].id);
}

export function sortCustomers(sort: CustomerSort) {
  $searchText.set("");
  $customerQuery.set({ q: "", sort, page: 1 });
  return loadCustomers();
}

export function turnPage(page: number) {
  $customerQuery.setKey("page", Math.max(1, page));
  return loadCustomers();
}

export async function openCustomer(id: string) {
  $confirmingErasure.set(false);
  const result = await api.customer(id);
  $customerNotice.set(result.ok ? null : { error: result.error.message });
  $customer.set(result.ok ? result.data : null);
}

export function closeCustomer() {
  $customer.set(null);
  $customerNotice.set(null);
}

/** The next (older) page of the open customer's ledger, appended. */
export async function loadOlderEntries() {
  const customer = $customer.get();
  const cursor = customer?.ledger.nextCursor;
  if (!customer || !cursor) return;
  const result = await api.ledger(customer.details.id, cursor);
  if (!result.ok) return $customerNotice.set({ error: result.error.message });
  $customer.set({ ...customer, ledger: { entries: [...customer.ledger.entries, ...result.data.entries], nextCursor: result.data.nextCursor } });
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
  $confirmingErasure.set(false);
  if (!result.ok) return $customerNotice.set({ error: result.error.message });
  $customer.set(null);
  $customerNotice.set({ key: "erased" });
  await loadCustomers();
}
