import { z } from "zod/mini";
import { ExternalId, Timestamp } from "./common.ts";

/** What a shop can subscribe to (contract 7.5); `raffle.won` and `consent.changed` come with raffles and consent. */
export const WebhookEventType = z.enum([
  "points.earned",
  "points.expiring",
  "points.expired",
  "reward.redeemed",
  "tier.changed",
  "referral.credited",
  "raffle.won",
  "consent.changed",
  "customer.erased",
  "customer.data_requested",
]);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

export const WebhookRequest = z.strictObject({
  /** Where deliveries are POSTed: http(s), never a private or loopback address (unless the operator allows it). */
  url: z.string().check(z.maxLength(2000)),
  events: z.array(WebhookEventType).check(z.minLength(1), z.maxLength(20)),
});
export type WebhookRequest = z.infer<typeof WebhookRequest>;

export const WebhookSummary = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  createdAt: Timestamp,
  /** While a rotated secret is still used beside the new one: until when. */
  previousSecretValidUntil: z.nullable(Timestamp),
});
export type WebhookSummary = z.infer<typeof WebhookSummary>;

/** The secret (`whsec_` + base64) is shown here once; deliveries are signed with it (Standard Webhooks). */
export const CreatedWebhook = z.extend(WebhookSummary, { secret: z.string() });
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

export const WebhookList = z.object({ webhooks: z.array(WebhookSummary) });
export const WebhookDeleted = z.object({ deleted: z.literal(true), id: z.string() });

export const WebhookSecretRotation = z.strictObject({
  /** How long deliveries carry a signature with the old secret beside the new one (hours; default 24). */
  overlapHours: z.optional(z.int().check(z.minimum(0), z.maximum(720))),
});
export const RotatedWebhookSecret = z.object({ secret: z.string(), previousSecretValidUntil: z.nullable(Timestamp) });

export const DeliveryStatus = z.enum(["pending", "delivered", "failed"]);

/** One message to one webhook: its attempts so far and what the receiver answered last. */
export const WebhookDelivery = z.object({
  id: z.string(),
  /** The `webhook-id` header: the same on every attempt of this message. */
  messageId: z.string(),
  eventId: z.string(),
  type: z.string(),
  status: DeliveryStatus,
  attempts: z.int(),
  /** The receiver's last HTTP status; null when it could not be reached. */
  lastStatus: z.nullable(z.int()),
  lastError: z.nullable(z.string()),
  lastAttemptAt: z.nullable(Timestamp),
  nextAttemptAt: z.nullable(Timestamp),
  deliveredAt: z.nullable(Timestamp),
  createdAt: Timestamp,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const DeliveriesQuery = z.object({
  before: z.optional(z.string().check(z.regex(/^\d{1,18}$/, "a delivery id"))),
  limit: z.optional(z.string().check(z.regex(/^([1-9]\d?|100)$/, "a number from 1 to 100"))),
  status: z.optional(DeliveryStatus),
});
export const DeliveryPage = z.object({ deliveries: z.array(WebhookDelivery), nextCursor: z.nullable(z.string()) });
export type DeliveryPage = z.infer<typeof DeliveryPage>;

/** What `customer.erased` carries: only the shop's own id, so the shop can erase the person on its side too. */
export const ErasedEventData = z.object({ customerId: z.nullable(ExternalId) });
