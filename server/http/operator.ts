import { Hono } from "hono";
import { CreatedShop, CreateShopRequest, JobReport } from "../../contract/index.ts";
import { runDueJobs } from "../operations/jobs.ts";
import { operatorOnly } from "./auth.ts";
import { document } from "./docs.ts";
import type { AppEnv } from "./env.ts";
import { jsonBody } from "./validate.ts";

export const operator = new Hono<AppEnv>();
operator.use(operatorOnly);

document({
  method: "post",
  path: "/v1/operator/shops",
  tag: "operator",
  auth: "operator",
  status: 201,
  summary: "Create a shop; answers its secret key and signing secret, shown once",
  body: CreateShopRequest,
  response: CreatedShop,
  errors: [400, 401, 403, 409, 415],
});
operator.post("/shops", jsonBody(CreateShopRequest), async (c) => {
  const created = await c.get("services").settings.createShop(c.get("body"));
  return c.json(created, 201);
});

document({
  method: "post",
  path: "/v1/operator/jobs/run",
  tag: "operator",
  auth: "operator",
  summary:
    "Run every job that is due now (pending releases, expiry and its reminders, birthdays, raffle draws and cancelled raffles' refunds), for cron-driven deployments; the endpoint also runs them by itself about every minute (LOYALTY_JOBS=0 turns that off). Safe to run from several processes at once",
  response: JobReport,
  errors: [401, 403],
});
operator.post("/jobs/run", async (c) => {
  const report = await runDueJobs(c.get("services"));
  c.get("metrics").recordJobs(report);
  return c.json(report);
});
