import { Hono } from "hono";
import { productBySlug } from "../catalog.ts";
import { type ShopEnv, safeReturn, saveLocale } from "../context.ts";
import { isLocale } from "../i18n.ts";
import { render } from "../render.ts";
import { homePage, productPage } from "../views/catalog.ts";

/** The product grid, product pages and the language switch. */
export const catalogRoutes = new Hono<ShopEnv>();

catalogRoutes.get("/", (c) => render(c, c.get("t")("shop"), (frame) => homePage(frame)));

catalogRoutes.get("/producto/:slug", (c) => {
  const product = productBySlug(c.req.param("slug"));
  if (!product) return c.notFound();
  return render(c, product.name[c.get("locale")], (frame) => productPage(frame, product));
});

catalogRoutes.get("/idioma/:locale", (c) => {
  const locale = c.req.param("locale");
  if (isLocale(locale)) saveLocale(c, locale);
  return c.redirect(safeReturn(c.req.query("volver")), 303);
});
