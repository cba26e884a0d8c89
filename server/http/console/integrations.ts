import { Hono } from "hono";
import { DeliveriesQuery, DeliveryPage, ImportQuery, ImportReport, WebhookDelivery, WebhookList } from "../../../contract/index.ts";
import { recordChange } from "../../operations/console/audit.ts";
import { ApiError } from "../../operations/errors.ts";
import { importMembers } from "../../operations/imports.ts";
import { deliveryPage, listWebhooks, redeliver } from "../../operations/webhooks.ts";
import { document } from "../docs.ts";
import { MAX_IMPORT_BYTES } from "../imports.ts";
import { readRawBody } from "../raw-body.ts";
import { queryOf } from "../validate.ts";
import { type ConsoleEnv, requireRole, requireSession } from "./session.ts";

const doc = { tag: "console", auth: "none" } as const;
document({
  ...doc,
  role: "viewer",
  method: "get",
  path: "/v1/console/webhooks",
  response: WebhookList,
  summary: "The shop's webhooks",
  errors: [401],
});
document({
  ...doc,
  role: "viewer",
  method: "get",
  path: "/v1/console/webhooks/:webhookId/deliveries",
  query: DeliveriesQuery,
  response: DeliveryPage,
  summary: "A webhook's deliveries log, newest first",
  errors: [400, 401, 404],
});
document({
  ...doc,
  role: "owner",
  method: "post",
  path: "/v1/console/webhooks/:webhookId/deliveries/:deliveryId/redeliver",
  response: WebhookDelivery,
  summary: "Send a delivery again now",
  errors: [401, 403, 404],
});
document({
  ...doc,
  role: "editor",
  method: "post",
  path: "/v1/console/imports",
  query: ImportQuery,
  response: ImportReport,
  summary: "Import members from a CSV file (text/csv), as POST /v1/imports",
  errors: [400, 401, 403, 409, 413, 415, 422],
});

const webhookId = (value: string | undefined) => {
  if (!value || !/^wh_[\w-]{1,64}$/.test(value)) throw new ApiError("not_found", "no such webhook");
  return value;
};

/** The deliveries log with its redeliver button. */
export const consoleWebhookRoutes = new Hono<ConsoleEnv>()
  .use(requireSession)
  .get("/", async (c) => c.json({ webhooks: await listWebhooks(c.get("services"), c.get("shop")) }))
  .get("/:webhookId/deliveries", queryOf(DeliveriesQuery), async (c) => {
    const { before, limit, status } = c.get("query");
    return c.json(
      await deliveryPage(c.get("services"), c.get("shop"), webhookId(c.req.param("webhookId")), {
        before: before ? Number(before) : undefined,
        limit: limit ? Number(limit) : 50,
        status,
      }),
    );
  })
  .post("/:webhookId/deliveries/:deliveryId/redeliver", requireRole("owner"), async (c) => {
    const deliveryId = c.req.param("deliveryId");
    if (!/^\d{1,18}$/.test(deliveryId)) throw new ApiError("not_found", "no such delivery");
    const id = webhookId(c.req.param("webhookId"));
    const delivery = await redeliver(c.get("services"), c.get("shop"), id, Number(deliveryId));
    await recordChange(c.get("services"), c.get("shop"), c.get("actor"), "webhook.redelivered", { webhookId: id, deliveryId: Number(deliveryId) });
    return c.json(delivery);
  });

/** The import page's upload: the same import as the shop's backend gets. */
export const consoleImportRoutes = new Hono<ConsoleEnv>().use(requireSession).post("/", requireRole("editor"), queryOf(ImportQuery), async (c) => {
  if (!/^text\/csv\b/i.test(c.req.header("content-type") ?? "")) throw new ApiError("unsupported_media_type", "send the file as text/csv");
  const key = c.req.header("idempotency-key") ?? null;
  if (key !== null && !/^[\w.:-]{8,128}$/.test(key)) throw new ApiError("invalid_request", "bad Idempotency-Key");
  const { dryRun, skipInvalid } = c.get("query");
  const csv = (await readRawBody(c, MAX_IMPORT_BYTES)).toString("utf8");
  const { report } = await importMembers(c.get("services"), c.get("shop"), csv, {
    key,
    dryRun: dryRun === "1" || dryRun === "true",
    skipInvalid: skipInvalid === "1" || skipInvalid === "true",
  });
  if (report.imported)
    await recordChange(c.get("services"), c.get("shop"), c.get("actor"), "customers.imported", {
      rows: report.rows,
      created: report.created,
      updated: report.updated,
      points: report.pointsAdded,
    });
  if (!report.dryRun && !report.imported)
    return c.json({ error: { code: "invalid_request" as const, message: "some lines are invalid: nothing was imported" }, ...report }, 422);
  return c.json(report, report.dryRun ? 200 : 201);
});
