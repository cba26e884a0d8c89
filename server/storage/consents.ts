import type { Queries } from "./driver.ts";

/** The history of a customer's consent to marketing: one row per change, with where it came from. */
export const consents = {
  /** Records a change and sets the customer's current consent, in the same transaction. */
  async record(tx: Queries, change: { shopId: string; customerId: string; marketing: boolean; source: string; at: number }): Promise<void> {
    await tx.run("INSERT INTO consents (shop_id, customer_id, marketing, source, created_at) VALUES (?, ?, ?, ?, ?)", [
      change.shopId,
      change.customerId,
      change.marketing ? 1 : 0,
      change.source,
      change.at,
    ]);
    await tx.run("UPDATE customers SET marketing_consent = ?, marketing_consent_at = ?, version = version + 1 WHERE shop_id = ? AND id = ?", [
      change.marketing ? 1 : 0,
      change.at,
      change.shopId,
      change.customerId,
    ]);
  },

  /** Newest first. */
  latest: (q: Queries, shopId: string, customerId: string, limit: number) =>
    q.all<{ marketing: number; source: string; created_at: number }>(
      "SELECT marketing, source, created_at FROM consents WHERE shop_id = ? AND customer_id = ? ORDER BY id DESC LIMIT ?",
      [shopId, customerId, limit],
    ),

  /** Oldest first: all of it, for the customer's privacy export. */
  all: (q: Queries, shopId: string, customerId: string) =>
    q.all<{ marketing: number; source: string; created_at: number }>(
      "SELECT marketing, source, created_at FROM consents WHERE shop_id = ? AND customer_id = ? ORDER BY id",
      [shopId, customerId],
    ),

  /** Erasure: the history moves to the pseudonym (when consent changed stays counted; whose it was does not). */
  async forgetCustomer(tx: Queries, shopId: string, customerId: string, pseudonym: string): Promise<void> {
    await tx.run("UPDATE consents SET customer_id = ? WHERE shop_id = ? AND customer_id = ?", [pseudonym, shopId, customerId]);
  },
};
