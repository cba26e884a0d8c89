import type { Driver, Queries } from "./driver.ts";

/** At most this many origins are kept per shop, so that made-up Origin headers can't grow the table without bound. */
const MAX_ORIGINS = 50;

/** The origins whose pages asked for a shop's widget, and when last (to the minute). */
export const widgetOrigins = {
  async record(driver: Driver, sighting: { shopId: string; origin: string; allowed: boolean; at: number }): Promise<void> {
    const { shopId, origin, allowed, at } = sighting;
    await driver.transaction(async (tx) => {
      const updated = await tx.run("UPDATE widget_origins SET last_seen_at = ?, allowed = ? WHERE shop_id = ? AND origin = ?", [
        at,
        allowed ? 1 : 0,
        shopId,
        origin,
      ]);
      if (updated.changes) return;
      await tx.run(
        `INSERT INTO widget_origins (shop_id, origin, allowed, last_seen_at)
         SELECT ?, ?, ?, ? WHERE (SELECT COUNT(*) FROM widget_origins WHERE shop_id = ?) < ${MAX_ORIGINS}`,
        [shopId, origin, allowed ? 1 : 0, at, shopId],
      );
    });
  },

  ofShop: (q: Queries, shopId: string, limit = 20) =>
    q.all<{ origin: string; allowed: number; last_seen_at: number }>(
      "SELECT origin, allowed, last_seen_at FROM widget_origins WHERE shop_id = ? ORDER BY last_seen_at DESC LIMIT ?",
      [shopId, limit],
    ),
};

/** The latest order by placedAt (orders_shop_placed), and how many were placed since `since`. */
export async function recentOrders(q: Queries, shopId: string, since: number) {
  const latest = await q.one<{ placed_at: number; created_at: number }>(
    "SELECT placed_at, created_at FROM orders WHERE shop_id = ? ORDER BY placed_at DESC LIMIT 1",
    [shopId],
  );
  const count = await q.one<{ orders: number }>("SELECT COUNT(*) AS orders FROM orders WHERE shop_id = ? AND placed_at >= ?", [shopId, since]);
  return { latest, lastDay: Number(count?.orders ?? 0) };
}
