import type { Analytics } from "../../../contract/index.ts";
import { instantAt, wallClock } from "../../domain/campaigns.ts";
import type { Queries } from "../../storage/driver.ts";
import type { Services, Shop } from "../services.ts";

const DAY = 86_400_000;
const WEEK = 7 * DAY;
type Bucketed = { bucket: number };

/**
 * Program health over the last `days` local days of the shop's time zone.
 *
 * How it stays fast with a million customers: every query is a range scan over an index that starts
 * with (shop_id, time) — ledger_shop_time, orders_shop_time, customers_shop_time,
 * referral_visits_shop_time, referrals_shop_time (migration 2) — bounded to at most 365 days, and
 * the ledger and orders indexes also hold the columns summed (kind, points, customer_id, channel),
 * so the engine never reads the tables' rows. Buckets are computed in SQL ((time - from) / day), so a
 * window returns at most a few hundred rows. The only count not bounded by the window is the
 * members before it: one index-only count over customers_shop_time.
 * Buckets are 24-hour steps from local midnight; on a daylight-saving day they are off by an hour.
 */
export async function analytics(services: Services, shop: Shop, days: number): Promise<Analytics> {
  const read = services.driver.read;
  const timeZone = shop.program.timeZone;
  const now = services.now();
  const today = wallClock(new Date(now), timeZone);
  const first = new Date(Date.UTC(today.year, today.month - 1, today.day - days + 1));
  const from = instantAt(first.getUTCFullYear(), first.getUTCMonth() + 1, first.getUTCDate(), 0, timeZone).getTime();
  const to = from + days * DAY;
  const span = [shop.id, from, to];
  const dateOf = (index: number, step: number) => new Date(first.getTime() + index * step).toISOString().slice(0, 10);

  const [points, orders, weekly, newMembers, membersBefore, visits, referrals, repeat] = await Promise.all([
    read.all<Bucketed & { kind: string; points: number }>(
      `SELECT (created_at - CAST(? AS BIGINT)) / ${DAY} AS bucket, kind, CAST(SUM(points) AS BIGINT) AS points FROM ledger
       WHERE shop_id = ? AND created_at >= ? AND created_at < ? GROUP BY bucket, kind`,
      [from, ...span],
    ),
    read.all<Bucketed & { channel: string; orders: number }>(
      `SELECT (placed_at - CAST(? AS BIGINT)) / ${DAY} AS bucket, channel, COUNT(*) AS orders FROM orders
       WHERE shop_id = ? AND placed_at >= ? AND placed_at < ? GROUP BY bucket, channel`,
      [from, ...span],
    ),
    read.all<Bucketed & { active: number }>(
      `SELECT (placed_at - CAST(? AS BIGINT)) / ${WEEK} AS bucket, COUNT(DISTINCT customer_id) AS active FROM orders
       WHERE shop_id = ? AND placed_at >= ? AND placed_at < ? GROUP BY bucket`,
      [from, ...span],
    ),
    read.all<Bucketed & { joined: number }>(
      `SELECT (created_at - CAST(? AS BIGINT)) / ${DAY} AS bucket, COUNT(*) AS joined FROM customers
       WHERE shop_id = ? AND created_at >= ? AND created_at < ? GROUP BY bucket`,
      [from, ...span],
    ),
    read.one<{ members: number }>("SELECT COUNT(*) AS members FROM customers WHERE shop_id = ? AND created_at < ?", [shop.id, from]),
    read.one<{ visits: number }>("SELECT COUNT(*) AS visits FROM referral_visits WHERE shop_id = ? AND created_at >= ? AND created_at < ?", span),
    read.all<{ status: string; referrals: number }>(
      "SELECT status, COUNT(*) AS referrals FROM referrals WHERE shop_id = ? AND created_at >= ? AND created_at < ? GROUP BY status",
      span,
    ),
    repeatPurchases(read, span),
  ]);

  const dayRows = Array.from({ length: days }, (_, index) => ({
    date: dateOf(index, DAY),
    pointsEarned: 0,
    pointsRedeemed: 0,
    onlineOrders: 0,
    storeOrders: 0,
  }));
  for (const row of points) {
    const day = dayRows[Number(row.bucket)];
    if (!day) continue;
    const total = Number(row.points);
    if (row.kind === "earn" || row.kind === "referral") day.pointsEarned += total;
    else if (row.kind === "redeem") day.pointsRedeemed -= total;
  }
  for (const row of orders) {
    const day = dayRows[Number(row.bucket)];
    if (day && row.channel === "store") day.storeOrders += Number(row.orders);
    else if (day && row.channel === "online") day.onlineOrders += Number(row.orders);
  }

  const joinedByWeek = new Map<number, number>();
  for (const row of newMembers)
    joinedByWeek.set(Math.floor(Number(row.bucket) / 7), (joinedByWeek.get(Math.floor(Number(row.bucket) / 7)) ?? 0) + Number(row.joined));
  const activeByWeek = new Map(weekly.map((row) => [Number(row.bucket), Number(row.active)]));
  let members = Number(membersBefore?.members ?? 0);
  const weeks = Array.from({ length: Math.ceil(days / 7) }, (_, index) => {
    members += joinedByWeek.get(index) ?? 0;
    return { start: dateOf(index, WEEK), members, activeMembers: activeByWeek.get(index) ?? 0 };
  });

  const earned = dayRows.reduce((sum, day) => sum + day.pointsEarned, 0);
  const redeemed = dayRows.reduce((sum, day) => sum + day.pointsRedeemed, 0);
  const byStatus = (status: string) => Number(referrals.find((row) => row.status === status)?.referrals ?? 0);
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    timeZone,
    days: dayRows,
    weeks,
    redemptionRate: earned > 0 ? Math.round((redeemed / earned) * 1000) / 1000 : 0,
    referralFunnel: {
      visits: Number(visits?.visits ?? 0),
      friendsOrdered: referrals.reduce((sum, row) => sum + Number(row.referrals), 0),
      rewardsGranted: byStatus("credited"),
      blocked: byStatus("blocked"),
    },
    orders: {
      online: dayRows.reduce((sum, day) => sum + day.onlineOrders, 0),
      store: dayRows.reduce((sum, day) => sum + day.storeOrders, 0),
    },
    repeatPurchase: repeat,
  };
}

/**
 * Of the customers who ordered in the window, the share who ordered twice or more, for members
 * (customers the shop registered with an email: its account holders) and non-members (ids known
 * only from orders, such as guest checkouts or anonymous till receipts). Buyers come from
 * orders_shop_time; each is one primary-key lookup in customers.
 */
async function repeatPurchases(read: Queries, span: (string | number)[]): Promise<Analytics["repeatPurchase"]> {
  const rows = await read.all<{ member: number; buyers: number; repeaters: number }>(
    `SELECT CASE WHEN c.email_normalized IS NULL THEN 0 ELSE 1 END AS member, COUNT(*) AS buyers,
       CAST(SUM(CASE WHEN o.orders > 1 THEN 1 ELSE 0 END) AS BIGINT) AS repeaters
     FROM (SELECT customer_id, COUNT(*) AS orders FROM orders WHERE shop_id = ? AND placed_at >= ? AND placed_at < ? GROUP BY customer_id) o
     JOIN customers c ON c.shop_id = ? AND c.id = o.customer_id
     GROUP BY CASE WHEN c.email_normalized IS NULL THEN 0 ELSE 1 END`,
    [...span, span[0] as string],
  );
  const rate = (member: number) => {
    const row = rows.find((candidate) => Number(candidate.member) === member);
    const buyers = Number(row?.buyers ?? 0);
    const repeatBuyers = Number(row?.repeaters ?? 0);
    return { buyers, repeatBuyers, rate: buyers ? Math.round((repeatBuyers / buyers) * 1000) / 1000 : 0 };
  };
  return { members: rate(1), nonMembers: rate(0) };
}
