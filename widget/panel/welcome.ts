// A friend's welcome code (after `?ref=CODE`) is kept for the browser tab in the shop origin's sessionStorage, never in cookies,
// until she has ordered or it expires (contract 7.1). The panel shows it in the wallet.

/** The key of the stored welcome: `{ ref, code, offer, expiresAt }` as JSON. */
export const welcomeKey = (shop: string) => `loyalty:welcome:${shop}`;
/** A random id for the tab's session: a visit again from it gets the same live welcome code back. */
export const visitorKey = "loyalty:visitor";

/** sessionStorage, or null where the page may not use it (a sandboxed frame, storage turned off). */
export function tabStorage(): Storage | null {
  try {
    return sessionStorage;
  } catch {
    return null;
  }
}

/** The stored welcome as JSON, unchecked (each reader checks what it reads), or undefined. */
export function readWelcome(shop: string): unknown {
  try {
    return JSON.parse(tabStorage()?.getItem(welcomeKey(shop)) ?? "null") ?? undefined;
  } catch {
    return undefined;
  }
}
