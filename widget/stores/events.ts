/** Page API events: each is a `loyalty:<name>` CustomEvent on window, which `Loyalty('on', name, fn)` listens to. */
export type EventName = "ready" | "open" | "close" | "redeemed" | "referral-copied" | "error";

const added: [string, (event: Event) => void][] = [];

export function on(name: string, listener: (detail: unknown) => void) {
  const handler = (event: Event) => listener((event as CustomEvent).detail);
  added.push([`loyalty:${name}`, handler]);
  addEventListener(`loyalty:${name}`, handler);
}

export const emit = (name: EventName, detail: unknown = {}) => dispatchEvent(new CustomEvent(`loyalty:${name}`, { detail }));

/** Removes every `Loyalty('on')` listener (Loyalty('destroy')). */
export function clearListeners() {
  for (const [type, handler] of added.splice(0)) removeEventListener(type, handler);
}
