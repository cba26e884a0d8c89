import { type Context, Hono } from "hono";
import { z } from "zod/mini";
import {
  ActivityPage,
  ActivityQuery,
  Redemption,
  RedemptionRequest,
  ReferralVisitRequest,
  ReferralWelcome,
  WidgetBoot,
  WidgetPanel,
  WidgetPayload,
} from "../../contract/index.ts";
import { activityPage } from "../operations/customers.ts";
import { ApiError } from "../operations/errors.ts";
import { redeemReward } from "../operations/redemptions.ts";
import { recordReferralVisit } from "../operations/referrals.ts";
import { type WidgetAnswer, widgetBootJson, widgetPanelJson, widgetPayloadJson } from "../operations/widget.ts";
import { clientIpOf, publicShop, requireCustomerId } from "./auth.ts";
import { document } from "./docs.ts";
import type { AppEnv } from "./env.ts";
import { PUBLIC_READS, PUBLIC_WRITES, rateLimit } from "./rate-limit.ts";
import { jsonBody, queryOf } from "./validate.ts";

/** Browser routes under /v1/shops/:shop. No cookies; CORS only for the shop's allowed origins. */
export const publicRoutes = new Hono<AppEnv>();

const reads = rateLimit(PUBLIC_READS);
const writes = rateLimit(PUBLIC_WRITES);

document({
  method: "get",
  path: "/v1/shops/:shop/widget",
  tag: "widget",
  auth: "optionalCustomerToken",
  summary:
    "With ?view=boot (what loyalty.js asks): what the launcher draws (theme, the launcher's texts, campaigns), the member's own state and the panel's version (`WidgetBoot`). Without it: everything the widget draws in one response (`WidgetPayload`, the first widget's request, kept for compatibility). The token may travel as ?token= so that no preflight is needed; texts in the first ?locale= the widget speaks, else the shop's default. A refused token answers the guest view with `sessionError` (code unauthorized), never a 401, so the widget never vanishes. Guests share one answer per minute (ETag); members' answers are private",
  query: z.object({
    token: z.optional(z.string()),
    /** Language tags, first choice first: `es`, `en-GB`, `fr,en-US`; one the widget has no texts for is passed over. */
    locale: z.optional(z.string()),
    /** `boot`: the boot answer (`WidgetBoot`); absent: the full payload (`WidgetPayload`). */
    view: z.optional(z.literal("boot")),
  }),
  response: z.union([WidgetBoot, WidgetPayload]),
  errors: [403, 404, 429],
});

/** A member's answer: theirs alone. */
export const MEMBER_ANSWER_HEADERS = { "Content-Type": "application/json", "Cache-Control": "private, no-store" } as const;

/** Members' answers are theirs alone; guests share one, revalidated by an ETag that covers its content and the minute of its `now`. */
function sendWidgetAnswer(c: Context<AppEnv>, { json, etag }: WidgetAnswer) {
  if (!etag) {
    for (const [name, value] of Object.entries(MEMBER_ANSWER_HEADERS)) c.header(name, value);
    return c.body(json);
  }
  c.header("Content-Type", "application/json");
  c.header("ETag", etag);
  c.header("Cache-Control", "public, max-age=30, stale-while-revalidate=300");
  if (c.req.header("if-none-match") === etag) return c.body(null, 304);
  return c.body(json);
}

publicRoutes.get("/:shop/widget", publicShop({ allowQueryToken: true, guestOnRefusedToken: true, recordOrigin: true }), reads, async (c) => {
  const answer = c.req.query("view") === "boot" ? widgetBootJson : widgetPayloadJson;
  return sendWidgetAnswer(c, await answer(c.get("services"), c.get("shop"), c.get("customerId"), c.req.query("locale"), c.get("tokenRefusal")));
});

document({
  method: "get",
  path: "/v1/shops/:shop/widget/panel",
  tag: "widget",
  auth: "none",
  summary:
    "What the widget's panel shows every shopper alike: all its texts in one language (the theme's overrides merged in) and the program's details (every reward with its tiers, tiers, ways to earn, referral offer, links, summary). Public and shared: the ETag is the program version and the language; with ?v= equal to the current version (the boot's `panel.version`) it may be kept for good",
  query: z.object({
    locale: z.optional(z.string()),
    /** The boot's `panel.version`. */
    v: z.optional(z.string()),
  }),
  response: WidgetPanel,
  errors: [403, 404, 429],
});
publicRoutes.get("/:shop/widget/panel", publicShop({ allowQueryToken: false }), reads, (c) => {
  const { json, etag, version } = widgetPanelJson(c.get("shop"), c.req.query("locale"));
  c.header("Content-Type", "application/json");
  c.header("ETag", etag);
  // the URL names the version it wants: when it is the current one, that URL's answer never changes
  c.header("Cache-Control", c.req.query("v") === version ? "public, max-age=31536000, immutable" : "public, no-cache");
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
