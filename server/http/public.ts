import { Hono } from "hono";
import { z } from "zod/mini";
import {
  ActivityPage,
  ActivityQuery,
  Redemption,
  RedemptionRequest,
  ReferralVisitRequest,
  ReferralWelcome,
  WidgetPayload,
} from "../../contract/index.ts";
import { activityPage } from "../operations/customers.ts";
import { ApiError } from "../operations/errors.ts";
import { redeemReward } from "../operations/redemptions.ts";
import { recordReferralVisit } from "../operations/referrals.ts";
import { widgetPayloadJson } from "../operations/widget.ts";
import { clientIpOf, publicShop, requireCustomerId } from "./auth.ts";
import { document } from "./docs.ts";
import type { AppEnv } from "./env.ts";
import { rateLimit } from "./rate-limit.ts";
import { jsonBody, queryOf } from "./validate.ts";

/** Browser routes under /v1/shops/:shop. No cookies; CORS only for the shop's allowed origins. */
export const publicRoutes = new Hono<AppEnv>();

const reads = rateLimit("public-read", { perIp: 600, perCustomer: 120 });
const writes = rateLimit("public-write", { perIp: 60, perCustomer: 20 });

document({
  method: "get",
  path: "/v1/shops/:shop/widget",
  tag: "widget",
  auth: "optionalCustomerToken",
  summary:
    "Everything the widget needs to draw, in one response (the token may travel as ?token= so that no preflight is needed); texts in the first ?locale= the widget speaks, else the shop's default. A refused token answers the guest view with `sessionError` (code unauthorized), never a 401, so the widget never vanishes",
  query: z.object({
    token: z.optional(z.string()),
    /** Language tags, first choice first: `es`, `en-GB`, `fr,en-US`; one the widget has no texts for is passed over. */
    locale: z.optional(z.string()),
  }),
  response: WidgetPayload,
  errors: [403, 404, 429],
});
publicRoutes.get("/:shop/widget", publicShop({ allowQueryToken: true, guestOnRefusedToken: true, recordOrigin: true }), reads, async (c) => {
  const { json, etag } = await widgetPayloadJson(c.get("services"), c.get("shop"), c.get("customerId"), c.req.query("locale"), c.get("tokenRefusal"));
  c.header("Content-Type", "application/json");
  if (!etag) {
    c.header("Cache-Control", "private, no-store");
    return c.body(json);
  }
  // Guests share one cacheable answer; the ETag covers the content and the minute of the `now` it carries.
  c.header("ETag", etag);
  c.header("Cache-Control", "public, max-age=30, stale-while-revalidate=300");
  if (c.req.header("if-none-match") === etag) return c.body(null, 304);
  return c.body(json);
});

document({
  method: "post",
  path: "/v1/shops/:shop/redemptions",
  tag: "widget",
  auth: "customerToken",
  body: RedemptionRequest,
  response: Redemption,
  status: 201,
  headers: [
    {
      name: "Idempotency-Key",
      required: true,
      description: "A fresh random key per redemption attempt; a retry with the same key gets the same code",
    },
  ],
  summary: "Redeem a reward: spends its points and answers a single-use code at once",
  errors: [400, 401, 403, 404, 409, 415, 422, 429],
});
publicRoutes.options("/:shop/redemptions", publicShop({ allowQueryToken: false }));
publicRoutes.post("/:shop/redemptions", publicShop({ allowQueryToken: false }), writes, jsonBody(RedemptionRequest), async (c) => {
  const customerId = requireCustomerId(c.get("customerId"));
  const key = c.req.header("idempotency-key");
  if (!key || !/^[\w.:-]{8,128}$/.test(key))
    throw new ApiError("invalid_request", "send an Idempotency-Key header of 8–128 letters, digits, . _ : -");
  const { result, replayed } = await redeemReward(c.get("services"), c.get("shop"), customerId, c.get("body").rewardId, key);
  if (replayed) c.header("Idempotent-Replayed", "true");
  else c.get("metrics").redemptions.inc();
  return c.json(result, 201);
});

document({
  method: "post",
  path: "/v1/shops/:shop/referral-visits",
  tag: "widget",
  auth: "none",
  body: ReferralVisitRequest,
  response: ReferralWelcome,
  status: 201,
  summary:
    "Record a visit through a referral link (?ref=CODE) and answer the friend's welcome offer and code; the same tab session (visitor), or without one the same network, gets its live code back, and a link mints at most 5 new codes a day for one network and 100 in all (429 beyond)",
  errors: [400, 403, 404, 415, 429],
});
publicRoutes.options("/:shop/referral-visits", publicShop({ allowQueryToken: false }));
publicRoutes.post("/:shop/referral-visits", publicShop({ allowQueryToken: false }), writes, jsonBody(ReferralVisitRequest), async (c) => {
  const { code, visitor } = c.get("body");
  return c.json(await recordReferralVisit(c.get("services"), c.get("shop"), { code, visitor, ip: clientIpOf(c) }), 201);
});

document({
  method: "get",
  path: "/v1/shops/:shop/activity",
  tag: "widget",
  auth: "customerToken",
  query: ActivityQuery,
  response: ActivityPage,
  summary: "The customer's ledger, newest first, paginated with ?cursor=",
  errors: [400, 401, 403, 404, 429],
});
publicRoutes.options("/:shop/activity", publicShop({ allowQueryToken: false }));
publicRoutes.get("/:shop/activity", publicShop({ allowQueryToken: false }), reads, queryOf(ActivityQuery), async (c) => {
  const customerId = requireCustomerId(c.get("customerId"));
  const { cursor, limit } = c.get("query");
  c.header("Cache-Control", "private, no-store");
  return c.json(await activityPage(c.get("services"), c.get("shop"), customerId, limit ? Number(limit) : 20, cursor ? Number(cursor) : undefined));
});
