import { Hono } from "hono";
import {
  CreatedWebhook,
  DeliveriesQuery,
  DeliveryPage,
  RotatedWebhookSecret,
  WebhookDelivery,
  WebhookDeleted,
  WebhookList,
  WebhookRequest,
  WebhookSecretRotation,
} from "../../contract/index.ts";
import { ApiError } from "../operations/errors.ts";
import { createWebhook, deleteWebhook, deliveryPage, listWebhooks, redeliver, rotateWebhookSecret } from "../operations/webhooks.ts";
import { shopKey } from "./auth.ts";
import { document } from "./docs.ts";
import type { AppEnv } from "./env.ts";
import { jsonBody, queryOf } from "./validate.ts";

/** Webhook subscriptions of the shop's backend (contract 7.5), under /v1/webhooks with the secret key. */
export const webhookRoutes = new Hono<AppEnv>();
webhookRoutes.use(shopKey);

const doc = { tag: "webhooks", auth: "shopKey" } as const;
const idOf = (value: string | undefined) => {
  if (!value || !/^wh_[\w-]{1,64}$/.test(value)) throw new ApiError("not_found", `no webhook "${value ?? ""}"`);
  return value;
};
const deliveryIdOf = (value: string | undefined) => {
  if (!value || !/^\d{1,18}$/.test(value)) throw new ApiError("not_found", `no delivery "${value ?? ""}"`);
  return Number(value);
};

document({
  ...doc,
  method: "post",
  path: "/v1/webhooks",
  body: WebhookRequest,
  response: CreatedWebhook,
  status: 201,
  summary:
    "Subscribe a URL to events; answers the signing secret (whsec_…) once. Deliveries follow Standard Webhooks 1.0 (webhook-id, webhook-timestamp, webhook-signature). Private and loopback targets are refused unless LOYALTY_WEBHOOK_ALLOW_PRIVATE=1",
  errors: [400, 401, 409, 415],
});
webhookRoutes.post("/", jsonBody(WebhookRequest), async (c) => c.json(await createWebhook(c.get("services"), c.get("shop"), c.get("body")), 201));

document({ ...doc, method: "get", path: "/v1/webhooks", response: WebhookList, summary: "The shop's webhooks (no secrets)", errors: [401] });
webhookRoutes.get("/", async (c) => c.json({ webhooks: await listWebhooks(c.get("services"), c.get("shop")) }));

document({
  ...doc,
  method: "delete",
  path: "/v1/webhooks/:webhookId",
  response: WebhookDeleted,
  summary: "Remove a webhook and its deliveries; nothing more is sent to it",
  errors: [401, 404],
});
webhookRoutes.delete("/:webhookId", async (c) => c.json(await deleteWebhook(c.get("services"), c.get("shop"), idOf(c.req.param("webhookId")))));

document({
  ...doc,
  method: "post",
  path: "/v1/webhooks/:webhookId/secret",
  body: WebhookSecretRotation,
  response: RotatedWebhookSecret,
  summary:
    "Rotate the signing secret: answers the new one once; for overlapHours (default 24) deliveries carry a signature with each secret, space-separated",
  errors: [400, 401, 404, 415],
});
webhookRoutes.post("/:webhookId/secret", jsonBody(WebhookSecretRotation), async (c) =>
  c.json(await rotateWebhookSecret(c.get("services"), c.get("shop"), idOf(c.req.param("webhookId")), c.get("body").overlapHours)),
);

document({
  ...doc,
  method: "get",
  path: "/v1/webhooks/:webhookId/deliveries",
  query: DeliveriesQuery,
  response: DeliveryPage,
  summary: "The webhook's deliveries, newest first: attempts, the receiver's last answer, the next retry (paginated with ?before=)",
  errors: [400, 401, 404],
});
webhookRoutes.get("/:webhookId/deliveries", queryOf(DeliveriesQuery), async (c) => {
  const { before, limit, status } = c.get("query");
  return c.json(
    await deliveryPage(c.get("services"), c.get("shop"), idOf(c.req.param("webhookId")), {
      before: before ? Number(before) : undefined,
      limit: limit ? Number(limit) : 50,
      status,
    }),
  );
});

document({
  ...doc,
  method: "post",
  path: "/v1/webhooks/:webhookId/deliveries/:deliveryId/redeliver",
  response: WebhookDelivery,
  summary: "Send a delivery again now, with the same webhook-id, from the start of the retry schedule",
  errors: [401, 404],
});
webhookRoutes.post("/:webhookId/deliveries/:deliveryId/redeliver", async (c) =>
  c.json(await redeliver(c.get("services"), c.get("shop"), idOf(c.req.param("webhookId")), deliveryIdOf(c.req.param("deliveryId")))),
);
