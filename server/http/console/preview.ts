import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod/mini";
import { Locale, Program, Theme, WidgetBoot, WidgetPanel, WidgetPayload } from "../../../contract/index.ts";
import { checkCustomerToken } from "../../domain/tokens.ts";
import { PREVIEW_CUSTOMER_ID, previewBoot, previewPanel, previewPayload, previewToken } from "../../operations/console/preview.ts";
import { ApiError } from "../../operations/errors.ts";
import type { Shop } from "../../operations/services.ts";
import { document } from "../docs.ts";
import type { AppEnv } from "../env.ts";
import { parseOrThrow } from "../validate.ts";
import { type ConsoleEnv, endpointOrigin, requireSession } from "./session.ts";

/**
 * A draft travels in the URL as base64url JSON, so the preview needs no server-side state: a theme (the Look page), or
 * `{ theme, program }` (the Program page, whose drafted program the widget draws too).
 */
const draftOf = (value: string | undefined): { theme: Theme; program?: Program } => {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value ?? "", "base64url").toString("utf8"));
  } catch {
    throw new ApiError("invalid_request", "the draft is not base64url JSON");
  }
  if (json && typeof json === "object" && "program" in json && "theme" in json)
    return { theme: parseOrThrow(Theme, json.theme), program: parseOrThrow(Program, json.program) };
  return { theme: parseOrThrow(Theme, json) };
};

/** A copy of the shop with the drafted program: the answers' caches are per shop object, so the saved one is untouched. */
const previewed = (shop: Shop, draft: { program?: Program }): Shop => (draft.program ? { ...shop, program: draft.program } : shop);

document({
  method: "get",
  path: "/v1/console/preview/:draft/v1/shops/:shop/widget",
  tag: "console",
  auth: "customerToken",
  query: z.object({ token: z.optional(z.string()), locale: z.optional(z.string()), view: z.optional(z.literal("boot")) }),
  response: z.union([WidgetBoot, WidgetPayload]),
  summary:
    "The theme editor's preview: the widget's boot answer (?view=boot) or full payload for the sample shopper, with the drafted theme (the preview page's data-api)",
  errors: [400, 401, 404],
});
document({
  method: "get",
  path: "/v1/console/preview/:draft/v1/shops/:shop/widget/panel",
  tag: "console",
  auth: "none",
  query: z.object({ locale: z.optional(z.string()), v: z.optional(z.string()) }),
  response: WidgetPanel,
  summary: "The theme editor's preview: the panel answer with the drafted theme's texts",
  errors: [400, 404],
});

/** What the real widget, loaded in the preview page, asks for: the shop's answers with the draft theme, for the sample shopper. */
export const previewApi = new Hono<AppEnv>()
  .get("/:draft/v1/shops/:shop/widget", async (c) => {
    const services = c.get("services");
    const shop = await services.shops.require(c.req.param("shop"));
    const token = c.req.query("token") ?? c.req.header("authorization")?.replace(/^Bearer /, "") ?? "";
    const check = checkCustomerToken(token, shop.id, shop.signingSecrets, services.now(), services.tokens);
    if (!check.ok || check.customerId !== PREVIEW_CUSTOMER_ID) throw new ApiError("unauthorized", "the preview needs the preview token");
    c.header("Cache-Control", "no-store");
    const draft = draftOf(c.req.param("draft"));
    const locale = c.req.query("locale");
    const drawn = previewed(shop, draft);
    return c.json(
      c.req.query("view") === "boot"
        ? await previewBoot(services, drawn, draft.theme, locale)
        : await previewPayload(services, drawn, draft.theme, locale),
    );
  })
  .get("/:draft/v1/shops/:shop/widget/panel", async (c) => {
    const shop = await c.get("services").shops.require(c.req.param("shop"));
    const draft = draftOf(c.req.param("draft"));
    c.header("Cache-Control", "no-store");
    return c.json(previewPanel(previewed(shop, draft), draft.theme, c.req.query("locale")));
  });

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The preview page's own look: a plain storefront, so the widget is seen as shoppers see it. */
export const previewCss = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#222;background:#f6f5f2}
header{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd;font-weight:700}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:16px;padding:24px}
.product{background:#fff;border:1px solid #e3e1dc;border-radius:8px;height:160px}`;

/**
 * GET /console/preview?theme=<draft>&locale=es: a storefront-like page that loads the REAL widget
 * bundle, signed in as the sample shopper with a token minted here, its data-api pointing at the
 * preview route above so the drafted theme is what it draws.
 */
export async function previewPage(c: Context<ConsoleEnv>) {
  const draft = c.req.query("theme") ?? "";
  draftOf(draft);
  const locale = Locale.safeParse(c.req.query("locale")).success ? (c.req.query("locale") as string) : c.get("shop").defaultLocale;
  const origin = endpointOrigin(c);
  const shop = c.get("shop");
  const token = previewToken(shop, c.get("services").now());
  c.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'self'");
  c.header("Cache-Control", "no-store");
  return c.html(`<!doctype html>
<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview</title><link rel="stylesheet" href="/console/preview.css">
<script async src="${escapeHtml(origin)}/loyalty.js" data-shop="${escapeHtml(shop.id)}" data-customer-token="${escapeHtml(token)}" data-locale="${escapeHtml(locale)}"
 data-api="${escapeHtml(origin)}/v1/console/preview/${escapeHtml(draft)}"></script></head>
<body><header>${escapeHtml(shop.name)}</header><main>${'<div class="product"></div>'.repeat(6)}</main></body></html>`);
}

export const previewPageRoutes = new Hono<ConsoleEnv>().use(requireSession).get("/", previewPage);
