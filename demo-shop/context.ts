import type { Context } from "hono";
import { deleteCookie, getCookie, getSignedCookie, setCookie, setSignedCookie } from "hono/cookie";
import { signCustomerToken } from "premio-loyalty/sign-customer-token";
import { type CartState, parseCart } from "./cart.ts";
import type { Locale } from "./catalog.ts";
import { isLocale, type Translate } from "./i18n.ts";
import type { LoyaltyClient } from "./loyalty-client.ts";
import { demoShoppers } from "./seed.ts";
import type { Account, ShopStore } from "./store.ts";

/** What the shop's backend holds: the loyalty client (with the secret key), the signing secret and its own records. */
export interface ShopDependencies {
  loyalty: LoyaltyClient;
  store: ShopStore;
  shopId: string;
  signingSecret: string;
  /** The endpoint's origin as the browser reaches it (the widget's script src). */
  endpointUrl: string;
  /** Signs the shop's cookies. */
  sessionSecret: string;
}

export interface ShopEnv {
  Variables: { deps: ShopDependencies; locale: Locale; t: Translate; account: Account | null; cart: CartState };
}

export type ShopContext = Context<ShopEnv>;

const cookie = { path: "/", httpOnly: true, sameSite: "Lax" } as const;
const SESSION = "shop_session";
const CART = "shop_cart";
const FLASH = "shop_flash";
/** The referral code from `?ref=`, kept until checkout. */
export const REFERRAL = "shop_ref";
const LANG = "shop_lang";

/** The seeded shoppers and any account created on the sign-in page. */
export function findAccount(store: ShopStore, id: string): Account | undefined {
  const seeded = demoShoppers.find((shopper) => shopper.id === id);
  return seeded ? { id: seeded.id, name: seeded.name, email: seeded.email } : store.account(id);
}

export function allAccounts(store: ShopStore): Account[] {
  return [...demoShoppers.map(({ id, name, email }) => ({ id, name, email })), ...store.accounts()];
}

export async function readSession(c: ShopContext): Promise<Account | null> {
  const id = await getSignedCookie(c, c.get("deps").sessionSecret, SESSION);
  return (id && findAccount(c.get("deps").store, id)) || null;
}

export const signIn = (c: ShopContext, customerId: string) =>
  setSignedCookie(c, SESSION, customerId, c.get("deps").sessionSecret, { ...cookie, maxAge: 7 * 86_400 });

export const signOut = (c: ShopContext) => deleteCookie(c, SESSION, cookie);

export async function readCart(c: ShopContext): Promise<CartState> {
  return parseCart(await getSignedCookie(c, c.get("deps").sessionSecret, CART));
}

export async function saveCart(c: ShopContext, cart: CartState) {
  c.set("cart", cart);
  await setSignedCookie(c, CART, JSON.stringify(cart), c.get("deps").sessionSecret, { ...cookie, maxAge: 30 * 86_400 });
}

export const readLocale = (c: ShopContext): Locale => {
  const chosen = getCookie(c, LANG);
  return isLocale(chosen) ? chosen : "es";
};
export const saveLocale = (c: ShopContext, locale: Locale) => setCookie(c, LANG, locale, { ...cookie, maxAge: 365 * 86_400 });

/** A one-shot message shown on the next page. */
export interface Flash {
  kind: "ok" | "error";
  text: string;
}

export const setFlash = (c: ShopContext, flash: Flash) => setCookie(c, FLASH, encodeURIComponent(JSON.stringify(flash)), cookie);

export function takeFlash(c: ShopContext): Flash | null {
  const value = getCookie(c, FLASH);
  if (!value) return null;
  deleteCookie(c, FLASH, cookie);
  try {
    const flash = JSON.parse(decodeURIComponent(value)) as Partial<Flash>;
    return (flash.kind === "ok" || flash.kind === "error") && typeof flash.text === "string" ? { kind: flash.kind, text: flash.text } : null;
  } catch {
    return null;
  }
}

export const readReferral = (c: ShopContext) => getCookie(c, REFERRAL) || null;
export const keepReferral = (c: ShopContext, code: string) => setCookie(c, REFERRAL, code, { ...cookie, maxAge: 30 * 86_400 });
export const forgetReferral = (c: ShopContext) => deleteCookie(c, REFERRAL, cookie);

/** The customer token for the signed-in shopper's pages; one hour is plenty for a page view. */
export function customerToken(c: ShopContext): string | undefined {
  const account = c.get("account");
  if (!account) return undefined;
  const { signingSecret, shopId } = c.get("deps");
  return signCustomerToken({ signingSecret, shop: shopId, customerId: account.id, expiresIn: 3600 });
}

/** A same-site path to go back to, never another site. */
export const safeReturn = (path: string | undefined) => (path && /^\/(?![/\\])/.test(path) ? path : "/");
