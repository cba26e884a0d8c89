import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { checkCustomerToken } from "../domain/tokens.ts";
import { sameSecret } from "../domain/secrets.ts";
import { ApiError } from "../operations/errors.ts";
import type { Shop } from "../operations/services.ts";
import type { AppEnv } from "./env.ts";

const bearer = (header: string | undefined) => (header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined);

/** The client's IP: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientIp(trustProxy: boolean, forwardedFor: string | undefined, socketAddress: () => string | undefined): string {
  if (trustProxy) return forwardedFor?.split(",")[0]?.trim() || "unknown";
  return socketAddress() ?? "unknown";
}

/** `clientIp` of a request the app answers. */
export function clientIpOf<E extends AppEnv>(c: Context<E>): string {
  return clientIp(c.get("config").trustProxy, c.req.header("x-forwarded-for"), () => {
    try {
      return getConnInfo(c).remote.address;
    } catch {
      return undefined; // no socket: a request made in-process
    }
  });
}

/** What a public route's answer to a page on another origin lets the page read. */
export const CROSS_ORIGIN_EXPOSED = "ETag, Retry-After";

/** Whether a page on `origin` may read the shop's public answers: one of the shop's allowed origins, or the endpoint's own pages. */
export const originAllowed = (shop: Shop, origin: string, own: boolean) => own || shop.allowedOrigins.includes(origin);

/** Operator routes: `Authorization: Bearer <LOYALTY_OPERATOR_KEY>`; disabled when no key is configured. */
export const operatorOnly = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.get("config").operatorKey;
  if (!key) throw new ApiError("forbidden", "the operator API is disabled: set LOYALTY_OPERATOR_KEY");
  const given = bearer(c.req.header("authorization"));
  if (!given || !sameSecret(given, key)) throw new ApiError("unauthorized", "send the operator key as Authorization: Bearer <key>");
  await next();
});

/** Shop backend routes: `Authorization: Bearer <secretKey>`; the shop is the key's. */
export const shopKey = createMiddleware<AppEnv>(async (c, next) => {
  const given = bearer(c.req.header("authorization"));
  if (!given) throw new ApiError("unauthorized", "send the shop's secret key as Authorization: Bearer <secretKey>");
  const shop = await c.get("services").shops.bySecretKey(given);
  if (!shop) throw new ApiError("unauthorized", "unknown secret key");
  c.set("shop", shop);
  await next();
});

/**
 * Public (browser) routes: loads the shop of the path, answers CORS for its allowed origins only,
 * and reads the customer token (`Authorization: Bearer`, or `?token=` where `allowQueryToken`).
 * A request from an origin the shop has not allowed is refused (`origin_not_allowed`, readable by the page, no data).
 */
export function publicShop(options: { allowQueryToken: boolean; guestOnRefusedToken?: boolean; recordOrigin?: boolean }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const shops = c.get("services").shops;
    const id = c.req.param("shop") ?? "";
    // the shop as kept in memory, without waiting, on nearly every request
    const shop = shops.kept(id) ?? (await shops.require(id));
    c.set("shop", shop);
    const origin = c.req.header("origin");
    if (origin) {
      const own = origin === new URL(c.get("config").publicUrl ?? c.req.url).origin;
      const allowed = originAllowed(shop, origin, own);
      // the Install page's checklist: which sites load the widget (the console's live preview is not one)
      if (options.recordOrigin && !own) c.get("services").widgetSightings.saw(shop.id, origin, allowed);
      // the refusal itself is readable by the page (it carries no data), so the widget can say which origin to add
      c.header("Access-Control-Allow-Origin", origin);
      c.header("Access-Control-Expose-Headers", CROSS_ORIGIN_EXPOSED);
      if (!allowed)
        throw new ApiError(
          "origin_not_allowed",
          `origin ${origin} is not allowed for shop "${shop.id}": add it to the shop's allowed origins (console → Install)`,
        );
    }
    c.header("Vary", "Origin");
    if (c.req.method === "OPTIONS") {
      c.header("Access-Control-Allow-Methods", "GET, POST, PUT");
      c.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key");
      c.header("Access-Control-Max-Age", "86400");
      return c.body(null, 204);
    }
    const token = bearer(c.req.header("authorization")) ?? (options.allowQueryToken ? c.req.query("token") : undefined);
    c.set("customerId", null);
    if (token) {
      const check = checkCustomerToken(token, shop.id, shop.signingSecrets, c.get("services").now(), c.get("services").tokens);
      if (!check.ok) {
        const refusal = new ApiError("unauthorized", `customer token refused: ${check.reason}`);
        // the boot request still draws the guest view, and says why the member view is missing
        if (!options.guestOnRefusedToken) throw refusal;
        c.set("tokenRefusal", refusal.message);
      } else c.set("customerId", check.customerId);
    }
    await next();
  });
}

/** The customer of a public request; 401 without a valid token. */
export function requireCustomerId(customerId: string | null): string {
  if (!customerId) throw new ApiError("unauthorized", "this needs a customer token (Authorization: Bearer <token>)");
  return customerId;
}
