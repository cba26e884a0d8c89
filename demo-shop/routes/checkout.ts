import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { type ShopEnv, forgetReferral, readReferral, saveCart, setFlash } from "../context.ts";
import { toDecimal } from "../money.ts";
import { render } from "../render.ts";
import type { ShopOrder } from "../store.ts";
import { checkoutPage, thanksPage } from "../views/cart.ts";
import { pricedCart } from "./cart.ts";

/** A shop-style order number: W (web) or T (till), the date and a random suffix. */
export function orderNumber(prefix: "W" | "T", at = new Date()) {
  return `${prefix}-${at.toISOString().slice(2, 10).replaceAll("-", "")}-${randomBytes(3).toString("hex").toUpperCase()}`;
}

/** Checkout: the summary, placing the order (reported to the loyalty endpoint) and the thank-you page. */
export const checkoutRoutes = new Hono<ShopEnv>();

checkoutRoutes.get("/pagar", async (c) => {
  const account = c.get("account");
  if (!account) {
    setFlash(c, { kind: "ok", text: c.get("t")("signInToCheckout") });
    return c.redirect("/cuenta/entrar?next=/pagar", 303);
  }
  const { check, priced } = await pricedCart(c, c.get("cart"));
  if (priced.lines.length === 0) return c.redirect("/carrito", 303);
  return render(c, c.get("t")("checkoutTitle"), (frame) => checkoutPage(frame, priced, account, check));
});

checkoutRoutes.post("/pagar", async (c) => {
  const account = c.get("account");
  if (!account) return c.redirect("/cuenta/entrar?next=/pagar", 303);
  const cart = c.get("cart");
  const { check, priced } = await pricedCart(c, cart);
  if (priced.lines.length === 0) return c.redirect("/carrito", 303);
  const { loyalty, store } = c.get("deps");
  const codeApplies = check?.state === "usable" && !priced.codeProblem;
  const referralCode = readReferral(c);
  const placedAt = new Date();
  const id = orderNumber("W", placedAt);
  // The subtotal reported is what the shopper pays for the goods, after the discount and without shipping.
  const reported = await loyalty.reportOrder({
    id,
    customerId: account.id,
    subtotal: toDecimal(priced.subtotal),
    currency: "EUR",
    channel: "online",
    discountCodes: codeApplies && check ? [check.code] : [],
    ...(referralCode ? { referralCode } : {}),
    placedAt: placedAt.toISOString(),
  });
  const order: ShopOrder = {
    id,
    customerId: account.id,
    channel: "online",
    placedAt: placedAt.toISOString(),
    lines: priced.lines.map((line) => ({ slug: line.product.slug, quantity: line.quantity, total: line.total })),
    goods: priced.goods,
    discount: priced.discount,
    subtotal: priced.subtotal,
    shipping: priced.shipping,
    total: priced.total,
    code: codeApplies && check ? check.code : null,
    referralCode,
    loyalty: reported.ok ? reported.data : null,
    refunds: [],
  };
  if (!reported.ok) console.error(`demo shop: order ${id} not reported to the loyalty endpoint: ${reported.error.code} ${reported.error.message}`);
  store.addOrder(order);
  await saveCart(c, { lines: [] });
  if (referralCode) forgetReferral(c);
  return c.redirect(`/pedido/${encodeURIComponent(id)}`, 303);
});

checkoutRoutes.get("/pedido/:id", (c) => {
  const order = c.get("deps").store.order(c.req.param("id"));
  if (!order || order.customerId !== c.get("account")?.id) return c.notFound();
  return render(c, c.get("t")("orderNumber", { id: order.id }), (frame) => thanksPage(frame, order));
});
