import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { html } from "hono/html";
import { type ShopDependencies, type ShopEnv, keepReferral, readCart, readLocale, readSession } from "./context.ts";
import { translator } from "./i18n.ts";
import { render } from "./render.ts";
import { accountRoutes } from "./routes/account.ts";
import { cartRoutes } from "./routes/cart.ts";
import { catalogRoutes } from "./routes/catalog.ts";
import { checkoutRoutes } from "./routes/checkout.ts";
import { counterRoutes } from "./routes/counter.ts";

const assetTypes: Record<string, string> = {
  "shop.css": "text/css; charset=utf-8",
  "shop.js": "text/javascript; charset=utf-8",
  "favicon.svg": "image/svg+xml",
};

/**
 * The demo shop as a Hono app. Its pages run under a strict Content Security Policy that allows
 * scripts and requests only from itself and the loyalty endpoint, as a careful shop would.
 */
export function createShopApp(deps: ShopDependencies, options: { assetsDir: string }) {
  const assets = new Map(Object.entries(assetTypes).map(([name, type]) => [name, { type, body: readFileSync(join(options.assetsDir, name)) }]));
  const endpoint = deps.endpointUrl;
  const policy = [
    "default-src 'self'",
    `script-src 'self' ${endpoint}`,
    "style-src 'self'",
    `connect-src 'self' ${endpoint}`,
    `img-src 'self' data: ${endpoint}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const app = new Hono<ShopEnv>();
  app.use(csrf());
  app.use(async (c, next) => {
    c.set("deps", deps);
    const locale = readLocale(c);
    c.set("locale", locale);
    c.set("t", translator(locale));
    c.set("account", await readSession(c));
    c.set("cart", await readCart(c));
    // A referral link (?ref=CODE) on any page: kept until checkout. The widget shows the friend's offer.
    const ref = c.req.query("ref");
    if (c.req.method === "GET" && ref && /^[A-Za-z0-9-]{4,32}$/.test(ref)) keepReferral(c, ref);
    await next();
    c.header("content-security-policy", policy);
    c.header("x-content-type-options", "nosniff");
    c.header("referrer-policy", "strict-origin-when-cross-origin");
  });

  app.get("/assets/:name", (c) => {
    const asset = assets.get(c.req.param("name"));
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { "content-type": asset.type, "cache-control": "no-cache" });
  });
  app.get("/healthz", (c) => c.text("ok"));
  app.route("/", catalogRoutes);
  app.route("/", cartRoutes);
  app.route("/", checkoutRoutes);
  app.route("/", accountRoutes);
  app.route("/", counterRoutes);
  // Even a missing page looks like the shop.
  app.notFound((c) => render(c, "404", (frame) => html`<h1>404</h1><p><a href="/">${frame.t("back")}</a></p>`, 404));
  return app;
}
