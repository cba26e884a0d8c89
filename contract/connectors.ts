import { z } from "zod/mini";

/** The shop's `*.myshopify.com` domain: Shopify sends it with every webhook and app proxy request. */
const ShopDomain = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "the shop's domain, such as my-shop.myshopify.com"));
const Secret = z.string().check(z.minLength(4), z.maxLength(200));

export const ShopifyConnectorRequest = z.strictObject({ shopDomain: ShopDomain, clientSecret: Secret });
export const WooCommerceConnectorRequest = z.strictObject({ webhookSecret: Secret });

/** A connected platform and the addresses to give it (secrets are never answered back). */
export const ConnectorInfo = z.object({
  platform: z.enum(["shopify", "woocommerce"]),
  shopDomain: z.optional(z.string()),
  /** Where the platform sends its webhooks. */
  webhookUrl: z.string(),
  /** Shopify only: the app proxy's URL (the proxy answers customer tokens at `/token`). */
  proxyUrl: z.optional(z.string()),
});
export type ConnectorInfo = z.infer<typeof ConnectorInfo>;

/** What a platform's webhook did: applied, replayed (counted once already) or ignored with a reason. */
export const ConnectorOutcome = z.object({
  topic: z.string(),
  outcome: z.enum(["applied", "replayed", "ignored"]),
  reason: z.optional(z.string()),
  orderId: z.optional(z.string()),
  refundIds: z.optional(z.array(z.string())),
  pointsEarned: z.optional(z.int()),
  pointsReversed: z.optional(z.int()),
});
export type ConnectorOutcome = z.infer<typeof ConnectorOutcome>;

/** The answer of `POST /v1/imports` (contract 7.6); `pointsAlreadyImported` counts rows whose points came in an earlier import. */
export const ImportReport = z.object({
  rows: z.int(),
  created: z.int(),
  updated: z.int(),
  pointsAdded: z.int(),
  pointsAlreadyImported: z.int(),
  dryRun: z.boolean(),
  /** False when nothing was written: a dry run, or an invalid row without ?skipInvalid=1. */
  imported: z.boolean(),
  errors: z.array(z.object({ line: z.int(), message: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportQuery = z.object({
  dryRun: z.optional(z.enum(["0", "1", "true", "false"])),
  skipInvalid: z.optional(z.enum(["0", "1", "true", "false"])),
});
