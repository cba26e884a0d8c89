import { Hono } from "hono";
import { Analytics, AnalyticsQuery } from "../../../contract/index.ts";
import { analytics } from "../../operations/console/analytics.ts";
import { document } from "../docs.ts";
import { queryOf } from "../validate.ts";
import { type ConsoleEnv, requireSession } from "./session.ts";

document({
  method: "get",
  path: "/v1/console/analytics",
  tag: "console",
  auth: "none",
  role: "viewer",
  query: AnalyticsQuery,
  response: Analytics,
  summary:
    "Headline figures (members, points outstanding and their worth, members' revenue), points, orders and revenue per day by when they happened, members and active members per week, the referral funnel and repeat purchases, over the last N days (7–365, default 30)",
  errors: [400, 401],
});

/** Program health, computed by the endpoint from the ledger and orders. */
export const analyticsRoutes = new Hono<ConsoleEnv>()
  .use(requireSession)
  .get("/", queryOf(AnalyticsQuery), async (c) => c.json(await analytics(c.get("services"), c.get("shop"), Number(c.get("query").days ?? 30))));
