import type { RequestListener } from "node:http";
import { getQueryParam } from "hono/utils/url";
import { checkCustomerToken } from "../domain/tokens.ts";
import type { Services } from "../operations/services.ts";
import { keptBootJson, type WidgetAnswer, widgetBootJson } from "../operations/widget.ts";
import { CROSS_ORIGIN_EXPOSED, clientIp, originAllowed } from "./auth.ts";
import type { AppConfig } from "./env.ts";
import type { Metrics } from "./metrics.ts";
import { recordAnswered, requestIdOf } from "./observability.ts";
import { MEMBER_ANSWER_HEADERS } from "./public.ts";
import { overLimit, PUBLIC_READS } from "./rate-limit.ts";

/** The boot request's route, as the app names it in logs and metrics. */
const BOOT_ROUTE = "/v1/shops/:shop/widget";
/** Its path with a query, for a shop id as `ShopId` allows it (an encoded one goes to the app). */
const BOOT_PATH = /^\/v1\/shops\/([a-z0-9][a-z0-9-]{1,62})\/widget\?/;

/** A host name and port the way browsers send them. */
const PLAIN_HOST = /^[a-z0-9._-]+(?::\d{1,5})?$/;

/** A query parameter as the app's router reads it: the first one, `+` as a space, percent-decoded. */
const queryParam = (url: string, name: string) => getQueryParam(url, name) as string | undefined;

/**
 * The widget's most asked request, a member's boot answer (`GET /v1/shops/:shop/widget?view=boot&token=…`, on every page a
 * member opens in every shop), answered from Node's request without the app's per-request objects. Through the app, those
 * objects (the request and its context, the headers, the response and its conversion back for Node) and the middleware in
 * between cost more than the answer itself: measured at 1M members, the app answered about 17,000 boot requests a second
 * and this lane about 27,000 on the same machine.
 *
 * The lane answers only what it answers exactly as the app does, through the same functions, with the same headers, log
 * line and metrics. Everything else goes to the app, untouched: another route or method, an `Authorization` header, a shop
 * not kept in memory, an origin the shop has not allowed (or the endpoint's own), no token or a refused one, one request too
 * many for the rate limit, and any error on the way.
 */
export function withBootLane(app: RequestListener, services: Services, config: AppConfig, metrics: Metrics): RequestListener {
  const ownOrigin = config.publicUrl ? new URL(config.publicUrl).origin : undefined;
  /** The endpoint's own origin as the app sees it: its public URL, else the request's host (one the app would question: none). */
  const ownOriginOf = (host: string | undefined) => ownOrigin ?? (host && PLAIN_HOST.test(host) ? new URL(`http://${host}`).origin : undefined);
  return (req, res) => {
    const url = req.url ?? "";
    const shopId = req.method === "GET" && !req.headers.authorization ? BOOT_PATH.exec(url)?.[1] : undefined;
    const shop = shopId === undefined ? undefined : services.shops.kept(shopId);
    const token = shop && queryParam(url, "view") === "boot" ? queryParam(url, "token") : undefined;
    if (!shop || !token) return app(req, res);
    const started = performance.now();
    const { origin } = req.headers;
    if (origin !== undefined) {
      // the endpoint's own pages (the console's live preview) and refusals are the app's to answer
      const own = ownOriginOf(req.headers.host);
      if (own === undefined || origin === own || !originAllowed(shop, origin, false)) return app(req, res);
    }
    const now = services.now();
    const check = checkCustomerToken(token, shop.id, shop.signingSecrets, now, services.tokens);
    if (!check.ok) return app(req, res);
    if (config.rateLimit) {
      const ip = clientIp(config.trustProxy, req.headers["x-forwarded-for"] as string | undefined, () => req.socket.remoteAddress);
      const customer = { shopId: shop.id, customerId: check.customerId };
      // one request too many is the app's to refuse, and to count: the lane counts only what it answers
      if (overLimit(PUBLIC_READS, ip, customer, now, true) !== null) return app(req, res);
      overLimit(PUBLIC_READS, ip, customer, now);
    }
    // the answer is the lane's from here
    if (origin !== undefined) services.widgetSightings.saw(shop.id, origin, true);
    const requestId = requestIdOf(req.headers["x-request-id"] as string | undefined);
    const send = ({ json }: WidgetAnswer) => {
      // written out, not spread from constants: with object spreads here the lane measured a fifth fewer requests a second
      // and about 90 MB more peak RSS (V8 moved some 700 bytes a request to the old generation, a heap profile showed)
      const headers: Record<string, string | number> = {
        "Content-Type": MEMBER_ANSWER_HEADERS["Content-Type"],
        "Cache-Control": MEMBER_ANSWER_HEADERS["Cache-Control"],
        // a boot answer is ASCII: its length is its size, and its text goes out byte for byte (as Latin-1) without encoding
        "Content-Length": json.length,
        Vary: "Origin",
        "X-Content-Type-Options": "nosniff",
        "X-Request-Id": requestId,
      };
      if (origin !== undefined) {
        headers["Access-Control-Allow-Origin"] = origin;
        headers["Access-Control-Expose-Headers"] = CROSS_ORIGIN_EXPOSED;
      }
      res.writeHead(200, headers);
      res.end(json, "latin1");
      const seconds = (performance.now() - started) / 1000;
      recordAnswered(config, metrics, { requestId, method: "GET", route: BOOT_ROUTE, path: `/v1/shops/${shop.id}/widget`, status: 200, seconds });
    };
    const locale = queryParam(url, "locale");
    let kept: WidgetAnswer | undefined;
    try {
      kept = keptBootJson(services, shop, check.customerId, locale);
    } catch {
      return app(req, res);
    }
    if (kept) return send(kept);
    // an error answers as the app answers it
    widgetBootJson(services, shop, check.customerId, locale).then(send, () => app(req, res));
  };
}
