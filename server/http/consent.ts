import { Hono } from "hono";
import { ConsentState, ConsentUpdate } from "../../contract/index.ts";
import { setConsentFromWidget } from "../operations/consent.ts";
import { publicShop, requireCustomerId } from "./auth.ts";
import { document } from "./docs.ts";
import type { AppEnv } from "./env.ts";
import { PUBLIC_WRITES, rateLimit } from "./rate-limit.ts";
import { jsonBody } from "./validate.ts";

/** The shopper's consent to reminders and marketing, from the widget's switch (under /v1/shops). */
export const consentPublicRoutes = new Hono<AppEnv>();

document({
  method: "put",
  path: "/v1/shops/:shop/consent",
  tag: "widget",
  auth: "customerToken",
  body: ConsentUpdate,
  response: ConsentState,
  summary:
    "The shopper opts in or out of reminders and marketing: recorded with its time in the customer's consent history, shown in GET /v1/customers/{id}, and told to the shop as a consent.changed event. Saying the current value again changes nothing",
  errors: [400, 401, 403, 404, 415, 429],
});
consentPublicRoutes.options("/:shop/consent", publicShop({ allowQueryToken: false }));
consentPublicRoutes.put("/:shop/consent", publicShop({ allowQueryToken: false }), rateLimit(PUBLIC_WRITES), jsonBody(ConsentUpdate), async (c) => {
  const customerId = requireCustomerId(c.get("customerId"));
  c.header("Cache-Control", "private, no-store");
  return c.json(await setConsentFromWidget(c.get("services"), c.get("shop"), customerId, c.get("body").marketing));
});
