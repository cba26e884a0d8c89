import type { DiscountCodeInfo } from "../contract/index.ts";
import { productBySlug, type Product } from "./catalog.ts";
import { type Cents, parseCents } from "./money.ts";

/** What the cart cookie holds: product slugs with quantities, and the code the shopper applied. */
export interface CartState {
  lines: { slug: string; quantity: number }[];
  code?: string;
}

export type Offer = DiscountCodeInfo["offer"];

/** The shipping fee, waived from FREE_SHIPPING_FROM of goods (after discounts) or by a free-shipping code. */
export const SHIPPING_FEE: Cents = 395;
export const FREE_SHIPPING_FROM: Cents = 6000;
export const MAX_QUANTITY = 20;

export interface PricedCart {
  lines: { product: Product; quantity: number; total: Cents }[];
  items: number;
  /** The goods before any discount. */
  goods: Cents;
  discount: Cents;
  /** The goods after the discount: what the order reports to the loyalty endpoint. */
  subtotal: Cents;
  shipping: Cents;
  total: Cents;
  /** A free product the code adds, if any. */
  gift: string | null;
  /** Why a checked code gives nothing now, if it doesn't. */
  codeProblem: "minimum_not_reached" | null;
}

/** Adds (or with a negative quantity removes) units of a product; unknown products are ignored. */
export function addToCart(cart: CartState, slug: string, quantity: number): CartState {
  if (!productBySlug(slug) || !Number.isInteger(quantity)) return cart;
  const current = cart.lines.find((line) => line.slug === slug)?.quantity ?? 0;
  return setQuantity(cart, slug, current + quantity);
}

/** Sets a line's quantity (0 removes it), capped at MAX_QUANTITY. */
export function setQuantity(cart: CartState, slug: string, quantity: number): CartState {
  const capped = Math.min(Math.max(Math.trunc(quantity) || 0, 0), MAX_QUANTITY);
  const others = cart.lines.filter((line) => line.slug !== slug);
  const index = cart.lines.findIndex((line) => line.slug === slug);
  if (capped === 0) return { ...cart, lines: others };
  const lines = [...cart.lines];
  if (index === -1) lines.push({ slug, quantity: capped });
  else lines[index] = { slug, quantity: capped };
  return { ...cart, lines };
}

/** What a code takes off goods worth `goods`, in cents; an offer below its minimum gives nothing. */
export function discountFor(offer: Offer, goods: Cents): { discount: Cents; freeShipping: boolean; gift: string | null; minimumMet: boolean } {
  const minimum = offer.minimumSubtotal ? (parseCents(offer.minimumSubtotal) ?? 0) : 0;
  if (goods < minimum) return { discount: 0, freeShipping: false, gift: null, minimumMet: false };
  switch (offer.kind) {
    case "amount_off":
      return { discount: Math.min(parseCents(offer.amount) ?? 0, goods), freeShipping: false, gift: null, minimumMet: true };
    case "percent_off":
      // Rounded half up to the cent, as a till would.
      return { discount: Math.min(Math.round((goods * offer.percent) / 100), goods), freeShipping: false, gift: null, minimumMet: true };
    case "free_shipping":
      return { discount: 0, freeShipping: true, gift: null, minimumMet: true };
    case "free_product":
      return { discount: 0, freeShipping: false, gift: offer.product, minimumMet: true };
  }
}

/** Prices the cart in cents: lines, the discount of a usable code's offer, shipping and total. */
export function priceCart(cart: CartState, offer: Offer | null): PricedCart {
  const lines = cart.lines.flatMap(({ slug, quantity }) => {
    const product = productBySlug(slug);
    return product && quantity > 0 ? [{ product, quantity, total: product.price * quantity }] : [];
  });
  const goods = lines.reduce((sum, line) => sum + line.total, 0);
  const items = lines.reduce((sum, line) => sum + line.quantity, 0);
  const applied = offer ? discountFor(offer, goods) : null;
  const discount = applied?.discount ?? 0;
  const subtotal = goods - discount;
  const shipping = goods === 0 || applied?.freeShipping || subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE;
  return {
    lines,
    items,
    goods,
    discount,
    subtotal,
    shipping,
    total: subtotal + shipping,
    gift: applied?.gift ?? null,
    codeProblem: applied && !applied.minimumMet ? "minimum_not_reached" : null,
  };
}

/** Reads the cart cookie's JSON defensively: anything malformed is an empty cart. */
export function parseCart(json: string | undefined | false): CartState {
  try {
    const value: unknown = JSON.parse(json || "{}");
    if (typeof value !== "object" || value === null) return { lines: [] };
    const record = value as { lines?: unknown; code?: unknown };
    const lines = Array.isArray(record.lines)
      ? record.lines.flatMap((line: { slug?: unknown; quantity?: unknown }) =>
          typeof line?.slug === "string" && typeof line.quantity === "number" && productBySlug(line.slug)
            ? [{ slug: line.slug, quantity: Math.min(Math.max(Math.trunc(line.quantity), 0), MAX_QUANTITY) }]
            : [],
        )
      : [];
    const code = typeof record.code === "string" && record.code ? record.code : undefined;
    return code ? { lines, code } : { lines };
  } catch {
    return { lines: [] };
  }
}
