import type { Queries } from "./driver.ts";
import type { ReplayRow } from "./repository.ts";

/** Answers stored under a customer's Idempotency-Key (redemptions and raffle entries: one key names one request). */
export const storedAnswers = {
  /** The answer stored under the key, with the digest of the request it answered. */
  get: (q: Queries, shopId: string, customerId: string, key: string) =>
    q.one<ReplayRow>("SELECT request_hash, response AS result FROM idempotency WHERE shop_id = ? AND customer_id = ? AND key = ?", [
      shopId,
      customerId,
      key,
    ]),
  /** Stores the answer to a request under its key. */
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
