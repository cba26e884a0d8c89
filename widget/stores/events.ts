/** Page API events: each is a `loyalty:<name>` CustomEvent on window and goes to `Loyalty('on', name, fn)` listeners. */
export type EventName = "ready" | "open" | "close" | "redeemed" | "referral-copied" | "error";

const listeners = new Map<string, Set<(detail: unknown) => void>>();

export function on(name: string, listener: (detail: unknown) => void) {
  const set = listeners.get(name) ?? new Set();
  set.add(listener);
  listeners.set(name, set);
}

export function emit(name: EventName, detail: unknown = {}) {
  window.dispatchEvent(new CustomEvent(`loyalty:${name}`, { detail }));
  for (const listener of listeners.get(name) ?? []) listener(detail);
}

/** Forgets every listener (Loyalty('destroy')). */
export const clearListeners = () => listeners.clear();
