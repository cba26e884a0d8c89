import { Hono } from "hono";
import { addToCart, type CartState, priceCart, setQuantity } from "../cart.ts";
import { productBySlug } from "../catalog.ts";
import { type ShopContext, type ShopEnv, saveCart, setFlash } from "../context.ts";
import { render } from "../render.ts";
import { type CodeCheck, cartPage } from "../views/cart.ts";

/** Asks the loyalty endpoint what a code gives and whether it can still be used, by the signed-in shopper if there is one. */
export async function checkCode(c: ShopContext, code: string): Promise<CodeCheck> {
  const found = await c.get("deps").loyalty.lookUpCode(code, c.get("account")?.id);
  if (found.ok) return { code: found.data.code, state: found.data.status, offer: found.data.offer };
  return { code: code.trim().toUpperCase(), state: found.status === 404 || found.status === 400 ? "unknown" : "unavailable", offer: null };
}

/** The cart priced with its code, if the code is usable. */
export async function pricedCart(c: ShopContext, cart: CartState) {
  const check = cart.code ? await checkCode(c, cart.code) : null;
  return { check, priced: priceCart(cart, check?.state === "usable" ? check.offer : null) };
}

const wantsJson = (c: ShopContext) => c.req.header("accept")?.includes("application/json") ?? false;

/** The cart page and its forms: add, change quantity, apply or remove a code. */
export const cartRoutes = new Hono<ShopEnv>();

cartRoutes.get("/carrito", async (c) => {
  const { check, priced } = await pricedCart(c, c.get("cart"));
  return render(c, c.get("t")("cartTitle"), (frame) => cartPage(frame, priced, check));
});

cartRoutes.post("/carrito/anadir", async (c) => {
  const form = await c.req.parseBody();
  const slug = String(form.slug ?? "");
  const product = productBySlug(slug);
  await saveCart(c, addToCart(c.get("cart"), slug, Math.max(1, Number(form.quantity ?? 1) || 1)));
  if (product) setFlash(c, { kind: "ok", text: c.get("t")("added", { name: product.name[c.get("locale")] }) });
  return c.redirect("/carrito", 303);
});

cartRoutes.post("/carrito/cantidad", async (c) => {
  const form = await c.req.parseBody();
  await saveCart(c, setQuantity(c.get("cart"), String(form.slug ?? ""), Number(form.quantity ?? 0)));
  return c.redirect("/carrito", 303);
});

// A form post from the cart, or a fetch from shop.js with the code a shopper just redeemed in the widget.
cartRoutes.post("/carrito/codigo", async (c) => {
  const form = await c.req.parseBody();
  const code = String(form.code ?? "")
    .trim()
    .toUpperCase()
    .slice(0, 64);
  const { code: _previous, ...rest } = c.get("cart");
  await saveCart(c, code ? { ...rest, code } : rest);
  if (!wantsJson(c)) return c.redirect("/carrito", 303);
  const check = code ? await checkCode(c, code) : null;
  return c.json({ code, state: check?.state ?? null });
});
