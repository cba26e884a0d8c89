import { Hono } from "hono";
import { stream } from "hono/streaming";
import { z } from "zod/mini";
import { FeedbackPage, FeedbackQuery } from "../../../contract/index.ts";
import { feedbackCsv, feedbackPage } from "../../operations/feedback.ts";
import { document } from "../docs.ts";
import { queryOf } from "../validate.ts";
import { type ConsoleEnv, requireSession } from "./session.ts";

const doc = { tag: "console", auth: "none" } as const;
document({
  ...doc,
  role: "viewer",
  method: "get",
  path: "/v1/console/feedback",
  query: FeedbackQuery,
  response: FeedbackPage,
  summary: "Post-purchase feedback with its order, newest first, paginated with ?cursor=",
  errors: [400, 401],
});
document({
  ...doc,
  role: "viewer",
  method: "get",
  path: "/v1/console/feedback/export",
  response: z.string(),
  responseType: "text/csv",
  summary:
    "Every answer as CSV (UTF-8 with a byte order mark; columns createdAt, orderId, customerId, rating, comment, points, placedAt, subtotal, currency, channel), newest first; cells a spreadsheet would read as a formula start with an apostrophe",
  errors: [401],
});

/** Feedback for the marketer: the list and its export. */
export const feedbackRoutes = new Hono<ConsoleEnv>()
  .use(requireSession)
  .get("/", queryOf(FeedbackQuery), async (c) => {
    const { cursor, limit } = c.get("query");
    return c.json(await feedbackPage(c.get("services"), c.get("shop"), limit ? Number(limit) : 50, cursor));
  })
  .get("/export", (c) => {
    const day = new Date(c.get("services").now()).toISOString().slice(0, 10);
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="feedback-${c.get("shop").id}-${day}.csv"`);
    return stream(c, async (out) => {
      for await (const chunk of feedbackCsv(c.get("services"), c.get("shop"))) await out.write(chunk);
    });
  });
