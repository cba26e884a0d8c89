import type { Queries } from "./driver.ts";

/** Answers stored under a customer's Idempotency-Key (the table redemptions use too: one key names one request). */
export const storedAnswers = {
  get: (q: Queries, shopId: string, customerId: string, key: string) =>
    q.one<{ request_hash: string; response: string }>(
      "SELECT request_hash, response FROM idempotency WHERE shop_id = ? AND customer_id = ? AND key = ?",
      [shopId, customerId, key],
    ),
  async put(tx: Queries, row: { shopId: string; customerId: string; key: string; requestHash: string; response: string; at: number }): Promise<void> {
    await tx.run("INSERT INTO idempotency (shop_id, customer_id, key, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?, ?)", [
      row.shopId,
      row.customerId,
      row.key,
      row.requestHash,
      row.response,
      row.at,
    ]);
  },
};
