import type { Queries } from "./driver.ts";

/** Manual corrections by the shop, one row per adjustment id, with the answer its replays get. */
export const adjustments = {
  /** Records an adjustment with its reason and answer. */
  async insert(
    tx: Queries,
    row: { shopId: string; id: string; customerId: string; points: number; reason: string; requestHash: string; result: string; at: number },
  ): Promise<void> {
    await tx.run(
      "INSERT INTO adjustments (shop_id, id, customer_id, points, reason, request_hash, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [row.shopId, row.id, row.customerId, row.points, row.reason, row.requestHash, row.result, row.at],
    );
  },
};
