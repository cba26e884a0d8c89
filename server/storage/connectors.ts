import type { Queries } from "./driver.ts";

export type Platform = "shopify" | "woocommerce";

/** A shop's platform connections; their secrets verify the platform's signatures, so they are kept as they are. */
export const connectors = {
  async get<T>(q: Queries, shopId: string, platform: Platform): Promise<T | undefined> {
    const row = await q.one<{ config: string }>("SELECT config FROM connectors WHERE shop_id = ? AND platform = ?", [shopId, platform]);
    return row ? (JSON.parse(row.config) as T) : undefined;
  },
  ofShop: (q: Queries, shopId: string) =>
    q.all<{ platform: Platform; config: string }>("SELECT platform, config FROM connectors WHERE shop_id = ? ORDER BY platform", [shopId]),
  async put(tx: Queries, shopId: string, platform: Platform, config: unknown, at: number): Promise<void> {
    await tx.run(
      `INSERT INTO connectors (shop_id, platform, config, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (shop_id, platform) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at`,
      [shopId, platform, JSON.stringify(config), at],
    );
  },
  remove: (tx: Queries, shopId: string, platform: Platform) =>
    tx.run("DELETE FROM connectors WHERE shop_id = ? AND platform = ?", [shopId, platform]),
};

/** Customers not erased yet, a batch at a time (a platform's request to erase a whole shop's data). */
export const liveCustomerIds = (q: Queries, shopId: string, limit: number) =>
  q.all<{ id: string }>("SELECT id FROM customers WHERE shop_id = ? AND erased_at IS NULL ORDER BY id LIMIT ?", [shopId, limit]);

/** How much of an order is left to refund, and whether it is known at all. */
export const refundable = (q: Queries, shopId: string, orderId: string) =>
  q.one<{ remaining: number }>("SELECT subtotal_minor - refunded_minor AS remaining FROM orders WHERE shop_id = ? AND id = ?", [shopId, orderId]);
