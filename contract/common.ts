import { z } from "zod/mini";

/** A locale code such as `es`, `en` or `es-MX`. */
export const Locale = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "a locale such as es, en or es-MX"));

/** Text a marketer writes, per locale: `{ es: "Premio", en: "Reward" }`. Always rendered as text. */
/** The languages the widget's texts ship in: a theme may override texts only for these. */
export const WidgetLocale = z.enum(["es", "en"]);
export type WidgetLocale = z.infer<typeof WidgetLocale>;
export const LocalizedText = z.record(Locale, z.string().check(z.maxLength(500)));
export type LocalizedText = z.infer<typeof LocalizedText>;

/** An amount of money as a decimal string in the shop's currency: "59.90". Never a float. */
export const Money = z.string().check(z.regex(/^\d{1,10}(\.\d{1,4})?$/, "a decimal string such as 59.90"));

/** Whole points. */
export const Points = z.int().check(z.minimum(-1_000_000_000), z.maximum(1_000_000_000));
export const PositivePoints = z.int().check(z.minimum(1), z.maximum(1_000_000_000));

/** Ids chosen by the shop (customers, orders, refunds): opaque, printable, at most 128 characters. */
export const ExternalId = z.string().check(z.regex(/^[\w.:@+\-/=]{1,128}$/, "1–128 letters, digits or . _ - : @ + / ="));
/** Ids chosen inside a program (rewards, tiers, campaigns). */
export const Slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "lower-case letters, digits, _ and -"));
export const ShopId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "2–63 lower-case letters, digits and -"));
export const Currency = z.string().check(z.regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR"));
export const Timestamp = z.iso.datetime({ offset: true });

export const ErrorCode = z.enum([
  "invalid_request",
  "invalid_json",
  "unsupported_media_type",
  "payload_too_large",
  "unauthorized",
  "forbidden",
  "origin_not_allowed",
  "not_found",
  "conflict",
  "insufficient_points",
  "reward_unavailable",
  "action_limit",
  "raffle_not_open",
  "raffle_entry_limit",
  "raffle_locked",
  "rate_limited",
  "refund_exceeds_order",
  "currency_mismatch",
  "unsupported_locale",
  "network_error",
  "internal_error",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({ code: ErrorCode, message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
