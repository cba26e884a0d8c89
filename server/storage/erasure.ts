import type { Queries } from "./driver.ts";

/** Every column that names a customer: erasure moves them all to the customer's pseudonym. */
const CUSTOMER_REFERENCES = [
  ["ledger", "customer_id"],
  ["orders", "customer_id"],
  ["codes", "customer_id"],
  ["codes", "referrer_id"],
  ["referrals", "referrer_id"],
  ["referrals", "friend_id"],
  ["referral_visits", "referrer_id"],
  ["idempotency", "customer_id"],
  ["adjustments", "customer_id"],
  ["actions", "customer_id"],
  ["console_audit", "customer_id"],
] as const;

/** The writes that erase a customer across the tables that name them (the caller composes them in one transaction). */
export const erasure = {
  /** Deletes the customer's personal data and renames them, and every row that names them, to `pseudonym`. */
  async moveToPseudonym(tx: Queries, shopId: string, id: string, pseudonym: string, at: number): Promise<void> {
    await tx.run(
      `UPDATE customers SET id = ?, email = NULL, email_normalized = NULL, name = NULL, birthday = NULL, marketing_consent = 0,
       marketing_consent_at = NULL, referral_code = ?, erased_at = ? WHERE shop_id = ? AND id = ?`,
      [pseudonym, pseudonym.toUpperCase(), at, shopId, id],
    );
    for (const [table, column] of CUSTOMER_REFERENCES)
      await tx.run(`UPDATE ${table} SET ${column} = ? WHERE shop_id = ? AND ${column} = ?`, [pseudonym, shopId, id]);
  },

  /**
   * Clears the marketers' reasons on the pseudonym's ledger entries and adjustments (free text may name the person), and sets
   * the request digest of their adjustments and actions to `erasedDigest` (digests were taken over the customer's id).
   */
  async forgetRequests(tx: Queries, shopId: string, pseudonym: string, erasedDigest: string): Promise<void> {
    await tx.run("UPDATE ledger SET reason = NULL WHERE shop_id = ? AND customer_id = ?", [shopId, pseudonym]);
    await tx.run("UPDATE adjustments SET reason = '', request_hash = ? WHERE shop_id = ? AND customer_id = ?", [erasedDigest, shopId, pseudonym]);
    await tx.run("UPDATE actions SET request_hash = ? WHERE shop_id = ? AND customer_id = ?", [erasedDigest, shopId, pseudonym]);
  },
};
