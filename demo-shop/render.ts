import { type ShopContext, customerToken, takeFlash } from "./context.ts";
import { layout, type Markup } from "./views/layout.ts";

/** Answers with a full page: the shared frame around `main`, the flash message and the loyalty embed. */
export function render(c: ShopContext, title: string, main: (frame: Parameters<typeof layout>[0]) => Markup, status: 200 | 400 | 404 = 200) {
  const deps = c.get("deps");
  const frame = {
    locale: c.get("locale"),
    t: c.get("t"),
    account: c.get("account"),
    cartItems: c.get("cart").lines.reduce((sum, line) => sum + line.quantity, 0),
    path: new URL(c.req.url).pathname,
    flash: takeFlash(c),
    widget: { endpoint: deps.endpointUrl, shop: deps.shopId, token: customerToken(c) },
  };
  c.header("cache-control", "no-store");
  return c.html(layout(frame, title, main(frame)), status);
}
