import type { Queries } from "./driver.ts";

/** How an order's referral was judged. */
export interface ReferralRow {
  [column: string]: string | number | null;
  referrer_id: string;
  friend_id: string;
  status: string;
  reason: string | null;
  points: number;
  created_at: number;
}

/**
 * A referrer's visits, the friends whose order was credited and the points those earned, as three subqueries that each bind
 * the shop and the referrer: the one statement for them, inside the widget's snapshot of a member.
 */
export const REFERRAL_STATS_SQL = `(SELECT COUNT(*) FROM referral_visits WHERE shop_id = ? AND referrer_id = ?) AS visits,
       (SELECT COUNT(*) FROM referrals WHERE shop_id = ? AND referrer_id = ? AND status = 'credited') AS friends,
       (SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM referrals WHERE shop_id = ? AND referrer_id = ? AND status = 'credited') AS referral_points`;

/** Referrals judged, one per order that carried one. */
export const referrals = {
  /** Records how an order's referral was judged: credited with its points, or blocked with the reason. */
  async record(
    tx: Queries,
    referral: {
      shopId: string;
      orderId: string;
      referrerId: string;
      friendId: string;
      status: "credited" | "blocked";
      reason: string | null;
      points: number;
      at: number;
    },
  ): Promise<void> {
    await tx.run(
      "INSERT INTO referrals (shop_id, order_id, referrer_id, friend_id, status, reason, points, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [referral.shopId, referral.orderId, referral.referrerId, referral.friendId, referral.status, referral.reason, referral.points, referral.at],
    );
  },

  /** The credited referral an order brought, if any. */
  creditedFor: (q: Queries, shopId: string, orderId: string) =>
    q.one<{ referrer_id: string; points: number }>(
      "SELECT referrer_id, points FROM referrals WHERE shop_id = ? AND order_id = ? AND status = 'credited'",
      [shopId, orderId],
    ),
  /** Marks the referral an order brought as reversed (the whole order was refunded). */
  async markReversed(tx: Queries, shopId: string, orderId: string): Promise<void> {
    await tx.run("UPDATE referrals SET status = 'reversed' WHERE shop_id = ? AND order_id = ?", [shopId, orderId]);
  },
  /** How many referrals the referrer has had credited since `since` (`+created_at` keeps SQLite on the referrer's index). */
  creditedSince: async (q: Queries, shopId: string, referrerId: string, since: number) =>
    Number(
      (
        await q.one<{ n: number }>(
          "SELECT COUNT(*) AS n FROM referrals WHERE shop_id = ? AND referrer_id = ? AND status = 'credited' AND +created_at >= ?",
          [shopId, referrerId, since],
        )
      )?.n ?? 0,
    ),

  /** Every referral the customer took part in, as referrer or as friend, oldest first. */
  involving: (q: Queries, shopId: string, customerId: string) =>
    q.all<ReferralRow>("SELECT * FROM referrals WHERE shop_id = ? AND (referrer_id = ? OR friend_id = ?) ORDER BY created_at", [
      shopId,
      customerId,
      customerId,
    ]),

  /** The latest referrals the customer took part in, as referrer or as friend, newest first. */
  latestInvolving: (q: Queries, shopId: string, customerId: string, limit: number) =>
    q.all<ReferralRow>(
      "SELECT referrer_id, friend_id, status, reason, points, created_at FROM referrals WHERE shop_id = ? AND (referrer_id = ? OR friend_id = ?) ORDER BY created_at DESC LIMIT ?",
      [shopId, customerId, customerId, limit],
    ),
};

/**
 * Visits through referral links. `client_network` and `client_session` are keyed digests of the visitor's network and tab
 * session, used only to bound how many welcome codes one client mints; they are cleared after a day.
 */
export const referralVisits = {
  /** Records a visit through the referrer's link, with the welcome code it was given. */
  async record(
    tx: Queries,
    visit: { shopId: string; referrerId: string; welcomeCode: string; network: string; session: string; at: number },
  ): Promise<void> {
    await tx.run(
      "INSERT INTO referral_visits (shop_id, referrer_id, welcome_code, client_network, client_session, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      [visit.shopId, visit.referrerId, visit.welcomeCode, visit.network, visit.session, visit.at],
    );
  },

  /** How many visits the referrer's link has brought. */
  async countOf(q: Queries, shopId: string, referrerId: string): Promise<number> {
    const row = await q.one<{ visits: number }>("SELECT COUNT(*) AS visits FROM referral_visits WHERE shop_id = ? AND referrer_id = ?", [
      shopId,
      referrerId,
    ]);
    return Number(row?.visits ?? 0);
  },

  /** The live welcome code this client session already holds for the referrer, if any. */
  liveCodeOfSession(q: Queries, shopId: string, referrerId: string, session: string, now: number) {
    return q.one<{ code: string; expires_at: number }>(
      `SELECT c.code, c.expires_at FROM referral_visits v JOIN codes c ON c.shop_id = v.shop_id AND c.code = v.welcome_code
       WHERE v.shop_id = ? AND v.referrer_id = ? AND v.client_session = ? AND c.used_by_order IS NULL AND c.expires_at > ?
       ORDER BY v.created_at DESC LIMIT 1`,
      [shopId, referrerId, session, now],
    );
  },

  /** Welcome codes minted for the referrer since `since`: in all, and from one network; with the oldest of each. */
  async mintedSince(q: Queries, shopId: string, referrerId: string, network: string, since: number) {
    const row = await q.one<{ total: number; oldest: number | null; from_network: number; oldest_from_network: number | null }>(
      `SELECT COUNT(*) AS total, MIN(created_at) AS oldest,
         COUNT(CASE WHEN client_network = ? THEN 1 END) AS from_network,
         MIN(CASE WHEN client_network = ? THEN created_at END) AS oldest_from_network
       FROM referral_visits WHERE shop_id = ? AND referrer_id = ? AND created_at >= ?`,
      [network, network, shopId, referrerId, since],
    );
    return {
      total: Number(row?.total ?? 0),
      oldest: row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest),
      fromNetwork: Number(row?.from_network ?? 0),
      oldestFromNetwork: row?.oldest_from_network === null || row?.oldest_from_network === undefined ? null : Number(row.oldest_from_network),
    };
  },

  /** Forgets the client digests of a referrer's visits older than `before`. */
  async forgetClients(tx: Queries, shopId: string, referrerId: string, before: number): Promise<void> {
    await tx.run(
      "UPDATE referral_visits SET client_network = NULL, client_session = NULL WHERE shop_id = ? AND referrer_id = ? AND client_network IS NOT NULL AND created_at < ?",
      [shopId, referrerId, before],
    );
  },
};
