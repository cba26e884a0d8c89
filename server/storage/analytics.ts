import type { Queries } from "./driver.ts";
import { DAY } from "../../contract/time.ts";

const WEEK = 7 * DAY;
type Bucketed = { bucket: number };

/**
 * The console's analytics, each a range scan of an index that starts with (shop_id, time): ledger_shop_occurred,
 * orders_shop_placed, customers_shop_joined, referral_visits_shop_time, referrals_shop_time. The ledger and orders indexes
 * hold the columns summed, so the engine never reads those tables' rows. Buckets are whole days (or weeks) from `from`,
 * computed in SQL, so a window returns at most a few hundred rows. Everything is dated by when it happened: an order's
 * placedAt, an earning's occurred_at, a customer's joined_at (never later than their first order).
 */
export const analyticsQueries = {
  pointsByDay: (q: Queries, shopId: string, from: number, to: number) =>
    q.all<Bucketed & { kind: string; points: number }>(
      `SELECT (occurred_at - CAST(? AS BIGINT)) / ${DAY} AS bucket, kind, CAST(SUM(points) AS BIGINT) AS points FROM ledger
       WHERE shop_id = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY bucket, kind`,
      [from, shopId, from, to],
    ),

  ordersByDay: (q: Queries, shopId: string, from: number, to: number) =>
    q.all<Bucketed & { channel: string; orders: number; revenue: number }>(
      `SELECT (placed_at - CAST(? AS BIGINT)) / ${DAY} AS bucket, channel, COUNT(*) AS orders, CAST(SUM(subtotal_minor) AS BIGINT) AS revenue
       FROM orders WHERE shop_id = ? AND placed_at >= ? AND placed_at < ? GROUP BY bucket, channel`,
      [from, shopId, from, to],
    ),

  activeByWeek: (q: Queries, shopId: string, from: number, to: number) =>
    q.all<Bucketed & { active: number }>(
      `SELECT (placed_at - CAST(? AS BIGINT)) / ${WEEK} AS bucket, COUNT(DISTINCT customer_id) AS active FROM orders
       WHERE shop_id = ? AND placed_at >= ? AND placed_at < ? GROUP BY bucket`,
      [from, shopId, from, to],
    ),

  joinedByDay: (q: Queries, shopId: string, from: number, to: number) =>
    q.all<Bucketed & { joined: number }>(
      `SELECT (joined_at - CAST(? AS BIGINT)) / ${DAY} AS bucket, COUNT(*) AS joined FROM customers
       WHERE shop_id = ? AND joined_at >= ? AND joined_at < ? GROUP BY bucket`,
      [from, shopId, from, to],
    ),

  async joinedBefore(q: Queries, shopId: string, before: number): Promise<number> {
    const row = await q.one<{ members: number }>("SELECT COUNT(*) AS members FROM customers WHERE shop_id = ? AND joined_at < ?", [shopId, before]);
    return Number(row?.members ?? 0);
  },

  async members(q: Queries, shopId: string): Promise<number> {
    return Number((await q.one<{ members: number }>("SELECT COUNT(*) AS members FROM customers WHERE shop_id = ?", [shopId]))?.members ?? 0);
  },

  /** Positive balances added up (customers_shop_balance, index only). */
  async pointsOutstanding(q: Queries, shopId: string): Promise<number> {
    const row = await q.one<{ points: number }>(
      "SELECT CAST(COALESCE(SUM(balance), 0) AS BIGINT) AS points FROM customers WHERE shop_id = ? AND balance > 0",
      [shopId],
    );
    return Number(row?.points ?? 0);
  },

  async visits(q: Queries, shopId: string, from: number, to: number): Promise<number> {
    const row = await q.one<{ visits: number }>(
      "SELECT COUNT(*) AS visits FROM referral_visits WHERE shop_id = ? AND created_at >= ? AND created_at < ?",
      [shopId, from, to],
    );
    return Number(row?.visits ?? 0);
  },

  referralsByStatus: (q: Queries, shopId: string, from: number, to: number) =>
    q.all<{ status: string; referrals: number }>(
      "SELECT status, COUNT(*) AS referrals FROM referrals WHERE shop_id = ? AND created_at >= ? AND created_at < ? GROUP BY status",
      [shopId, from, to],
    ),

  /** Of the customers who ordered in the window, how many, and how many ordered twice or more. */
  async repeatBuyers(q: Queries, shopId: string, from: number, to: number): Promise<{ buyers: number; repeaters: number }> {
    const row = await q.one<{ buyers: number; repeaters: number }>(
      `SELECT COUNT(*) AS buyers, CAST(COALESCE(SUM(CASE WHEN orders > 1 THEN 1 ELSE 0 END), 0) AS BIGINT) AS repeaters
       FROM (SELECT customer_id, COUNT(*) AS orders FROM orders WHERE shop_id = ? AND placed_at >= ? AND placed_at < ? GROUP BY customer_id) o`,
      [shopId, from, to],
    );
    return { buyers: Number(row?.buyers ?? 0), repeaters: Number(row?.repeaters ?? 0) };
  },
};
