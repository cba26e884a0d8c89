import { Hono } from "hono";
import { PublicRaffleDraw, RaffleDraw, RaffleEntryRequest, RaffleEntryResult, Slug } from "../../contract/index.ts";
import { ApiError } from "../operations/errors.ts";
import { IDEMPOTENCY_KEY } from "../operations/idempotency.ts";
import { publicRaffleDraw, raffleDraw } from "../operations/raffle-views.ts";
import { enterRaffle } from "../operations/raffles.ts";
import { publicShop, requireCustomerId, shopKey } from "./auth.ts";
import { document } from "./docs.ts";
import type { AppEnv } from "./env.ts";
import { PUBLIC_READS, PUBLIC_WRITES, rateLimit } from "./rate-limit.ts";
import { jsonBody, parseOrThrow } from "./validate.ts";

const raffleId = (value: string | undefined) => parseOrThrow(Slug, value);

/** Raffles in the browser (under /v1/shops): entering with points, and checking a draw. */
export const rafflePublicRoutes = new Hono<AppEnv>();

document({
  method: "post",
  path: "/v1/shops/:shop/raffles/:raffleId/entries",
  tag: "widget",
  auth: "customerToken",
  body: RaffleEntryRequest,
  response: RaffleEntryResult,
  status: 201,
  headers: [
    { name: "Idempotency-Key", required: true, description: "A fresh random key per attempt; a retry with the same key gets the same entries" },
  ],
  summary:
    "Enter a raffle with points: buys `count` entries at the raffle's entryCost, never beyond the balance (pending points do not count) nor the raffle's maxEntriesPerCustomer; 422 raffle_not_open outside its window, raffle_entry_limit past the maximum, insufficient_points",
  errors: [400, 401, 403, 404, 409, 415, 422, 429],
});
rafflePublicRoutes.options("/:shop/raffles/:raffleId/entries", publicShop({ allowQueryToken: false }));
rafflePublicRoutes.post(
  "/:shop/raffles/:raffleId/entries",
  publicShop({ allowQueryToken: false }),
  rateLimit(PUBLIC_WRITES),
  jsonBody(RaffleEntryRequest),
  async (c) => {
    const customerId = requireCustomerId(c.get("customerId"));
    const key = c.req.header("idempotency-key");
    if (!key || !IDEMPOTENCY_KEY.test(key)) throw new ApiError("invalid_request", "send an Idempotency-Key header of 8–128 letters, digits, . _ : -");
    const id = raffleId(c.req.param("raffleId"));
    const { result, replayed } = await enterRaffle(c.get("services"), c.get("shop"), customerId, id, c.get("body").count, key);
    if (replayed) c.header("Idempotent-Replayed", "true");
    return c.json(result, 201);
  },
);

document({
  method: "get",
  path: "/v1/shops/:shop/raffles/:raffleId",
  tag: "widget",
  auth: "none",
  response: PublicRaffleDraw,
  summary:
    "A raffle's draw as anyone may check it: the commitment (hex SHA-256 of the seed), every entry's id, and after the draw the seed and the winning entry (the lowest hex HMAC-SHA256(seed, entry id)); no customer ids",
  errors: [400, 403, 404, 429],
});
rafflePublicRoutes.options("/:shop/raffles/:raffleId", publicShop({ allowQueryToken: false }));
rafflePublicRoutes.get("/:shop/raffles/:raffleId", publicShop({ allowQueryToken: false }), rateLimit(PUBLIC_READS), async (c) => {
  c.header("Cache-Control", "public, max-age=30");
  return c.json(await publicRaffleDraw(c.get("services"), c.get("shop"), raffleId(c.req.param("raffleId"))));
});

/** Raffles for the shop's backend (under /v1, secret key). */
export const raffleBackendRoutes = new Hono<AppEnv>();
raffleBackendRoutes.use("/raffles/*", shopKey);

document({
  method: "get",
  path: "/v1/raffles/:raffleId",
  tag: "raffles",
  auth: "shopKey",
  response: RaffleDraw,
  summary:
    "A raffle's draw: the commitment published before anyone could enter, every entry with its customer, and after the draw (at closesAt) the seed and the winner, recomputable by anyone (docs/raffles.md)",
  errors: [400, 401, 404],
});
raffleBackendRoutes.get("/raffles/:raffleId", async (c) =>
  c.json(await raffleDraw(c.get("services"), c.get("shop"), raffleId(c.req.param("raffleId")))),
);
