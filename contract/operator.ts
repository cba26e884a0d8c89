import { z } from "zod/mini";
import { Currency, Locale, ShopId } from "./common.ts";
import { TimeZone } from "./program.ts";

const Origin = z.string().check(z.regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/, "an origin such as https://shop.example"));

export const CreateShopRequest = z.strictObject({
  id: ShopId,
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  allowedOrigins: z.array(Origin).check(z.maxLength(50)),
  defaultLocale: Locale,
  currency: Currency,
  /** The program's time zone (weekly campaigns); default UTC. */
  timeZone: z.optional(TimeZone),
});
export type CreateShopRequest = z.infer<typeof CreateShopRequest>;

export const CreatedShop = z.object({
  id: ShopId,
  /** Server-to-server key for the shop's backend. Shown once. */
  secretKey: z.string(),
  /** Signs customer tokens (HS256). Shown once; never sent to a browser. */
  signingSecret: z.string(),
});
export type CreatedShop = z.infer<typeof CreatedShop>;

/** What `POST /v1/operator/jobs/run` did (and the scheduler does about every minute). */
export const JobReport = z.object({
  pendingReleased: z.object({ customers: z.int(), points: z.int() }),
  expiryReminders: z.int(),
  expired: z.object({ customers: z.int(), points: z.int() }),
  birthdays: z.int(),
  /** Webhook deliveries attempted by this run (retries that fell due, and new messages the dispatcher had not sent yet). */
  webhooks: z.object({ delivered: z.int(), retrying: z.int(), failed: z.int() }),
  /** Raffles drawn at their closesAt, and entries of cancelled raffles whose points went back. */
  raffles: z.object({ drawn: z.int(), refundedEntries: z.int(), refundedPoints: z.int() }),
});
export type JobReport = z.infer<typeof JobReport>;
