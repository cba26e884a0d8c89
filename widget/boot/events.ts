import type { EventName } from "../seam.ts";

/** The page API's events: each a `loyalty:<name>` CustomEvent on window, which `Loyalty('on', name, fn)` listens to. */
export function createEvents() {
  const added: [name: string, handler: (event: Event) => void][] = [];
  return {
    on(name: string, listener: (detail: unknown) => void) {
      const handler = (event: Event) => listener((event as CustomEvent).detail);
      added.push([name, handler]);
      addEventListener(`loyalty:${name}`, handler);
    },
    emit: (name: EventName, detail: unknown = {}) => dispatchEvent(new CustomEvent(`loyalty:${name}`, { detail })),
    listens: (name: EventName) => added.some(([listened]) => listened === name),
    /** Removes every `Loyalty('on')` listener (Loyalty('destroy')). */
    clear() {
      for (const [name, handler] of added.splice(0)) removeEventListener(`loyalty:${name}`, handler);
    },
  };
}
export type Events = ReturnType<typeof createEvents>;
