import type { ConsoleCustomer, CustomerSummary } from "../../../contract/index.ts";
import { normaliseEmail } from "../../domain/referrals.ts";
import type { CustomerRow } from "../../storage/repository.ts";
import { customerDetails } from "../customers.ts";
import type { Services, Shop } from "../services.ts";

const iso = (ms: number) => new Date(ms).toISOString();
const summary = (row: CustomerRow): CustomerSummary => ({
  id: row.id,
  email: row.email,
  name: row.name,
  balance: row.balance,
  createdAt: iso(row.created_at),
});

/**
 * Customers whose id is `query` or whose email is `query` (exact, normalised; or starts with it).
 * Both are index lookups: the primary key, and customers_email on (shop_id, email_normalized).
 */
export async function searchCustomers(services: Services, shop: Shop, query: string): Promise<CustomerSummary[]> {
  const read = services.driver.read;
  const text = query.trim();
  // a whole address is matched as the referral rules normalise it; a fragment as the start of one
  const email = text.includes("@") ? normaliseEmail(text) : text.toLowerCase();
  const rows = await read.all<CustomerRow>(
    `SELECT * FROM customers WHERE shop_id = ? AND erased_at IS NULL AND (id = ? OR (email_normalized >= ? AND email_normalized < ?))
     ORDER BY id LIMIT 20`,
    [shop.id, text, email, `${email}\uffff`],
  );
  return rows.map(summary);
}

/** Balance, tier, ledger and both sides of the customer's referrals, for the console. */
export async function consoleCustomer(services: Services, shop: Shop, id: string): Promise<ConsoleCustomer> {
  const details = await customerDetails(services, shop, id);
  const read = services.driver.read;
  const referrals = await read.all<{
    referrer_id: string;
    friend_id: string;
    status: string;
    reason: string | null;
    points: number;
    created_at: number;
  }>(
    "SELECT referrer_id, friend_id, status, reason, points, created_at FROM referrals WHERE shop_id = ? AND (referrer_id = ? OR friend_id = ?) ORDER BY created_at DESC LIMIT 100",
    [shop.id, id, id],
  );
  const visits = await read.one<{ visits: number }>("SELECT COUNT(*) AS visits FROM referral_visits WHERE shop_id = ? AND referrer_id = ?", [
    shop.id,
    id,
  ]);
  return {
    details,
    referrals: referrals.map((row) => ({
      role: row.referrer_id === id ? ("referrer" as const) : ("friend" as const),
      otherCustomerId: row.referrer_id === id ? row.friend_id : row.referrer_id,
      status: row.status,
      reason: row.reason,
      points: row.points,
      createdAt: iso(row.created_at),
    })),
    referralVisits: Number(visits?.visits ?? 0),
  };
}
