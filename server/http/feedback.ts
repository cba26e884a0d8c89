import { Hono } from "hono";
import { FeedbackPage, FeedbackQuery, FeedbackResult, FeedbackSubmission } from "../../contract/index.ts";
import { feedbackPage, submitFeedback } from "../operations/feedback.ts";
import { publicShop, requireCustomerId, shopKey } from "./auth.ts";
import { document } from "./docs.ts";
import type { AppEnv } from "./env.ts";
import { PUBLIC_WRITES, rateLimit } from "./rate-limit.ts";
import { jsonBody, queryOf } from "./validate.ts";

/** Post-purchase feedback from the widget (under /v1/shops). */
export const feedbackPublicRoutes = new Hono<AppEnv>();

document({
  method: "post",
  path: "/v1/shops/:shop/feedback",
  tag: "widget",
  auth: "customerToken",
  body: FeedbackSubmission,
  response: FeedbackResult,
  status: 201,
  summary:
    "Rate one of the customer's own orders (1–5, an optional comment, kept as text): once per order (the same answer again is a replay, another one a 409); earns the program's feedback action. Another customer's order is a 404",
  errors: [400, 401, 403, 404, 409, 415, 429],
});
feedbackPublicRoutes.options("/:shop/feedback", publicShop({ allowQueryToken: false }));
feedbackPublicRoutes.post(
  "/:shop/feedback",
  publicShop({ allowQueryToken: false }),
  rateLimit(PUBLIC_WRITES),
  jsonBody(FeedbackSubmission),
  async (c) => {
    const customerId = requireCustomerId(c.get("customerId"));
    const { result, replayed } = await submitFeedback(c.get("services"), c.get("shop"), customerId, c.get("body"));
    if (replayed) c.header("Idempotent-Replayed", "true");
    return c.json(result, 201);
  },
);

/** The shop's feedback for its backend (under /v1, secret key). */
export const feedbackBackendRoutes = new Hono<AppEnv>();
feedbackBackendRoutes.use("/feedback", shopKey);

document({
  method: "get",
  path: "/v1/feedback",
  tag: "feedback",
  auth: "shopKey",
  query: FeedbackQuery,
  response: FeedbackPage,
  summary: "Post-purchase feedback with its order, newest first, paginated with ?cursor=",
  errors: [400, 401],
});
feedbackBackendRoutes.get("/feedback", queryOf(FeedbackQuery), async (c) => {
  const { cursor, limit } = c.get("query");
  return c.json(await feedbackPage(c.get("services"), c.get("shop"), limit ? Number(limit) : 50, cursor));
});
