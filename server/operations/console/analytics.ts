import type { Analytics, Program } from "../../../contract/index.ts";
import { DAY, instantAt, wallClock } from "../../../contract/time.ts";
import { fromMinor, toMinor } from "../../domain/money.ts";
import { analyticsQueries as queries } from "../../storage/analytics.ts";
import type { Services, Shop } from "../services.ts";

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : 0);

/**
 * What the points outstanding are worth: at the value per point of the cheapest amount-off reward (its amount over its
 * cost), the way most members would spend them. Null when the program has no amount-off reward to value points by.
 */
export function liability(program: Program, points: number, currency: string): Analytics["headline"]["liability"] {
  const basis = program.rewards.filter((reward) => reward.kind === "amount_off").sort((a, b) => a.cost - b.cost)[0];
  if (basis?.kind !== "amount_off") return null;
  const perReward = toMinor(basis.amount, currency) ?? 0;
  return {
    amount: fromMinor(Math.round((Math.max(0, points) * perReward) / basis.cost), currency),
    basis: { rewardId: basis.id, cost: basis.cost, amount: basis.amount },
  };
}

/**
 * Program health over the last `days` local days of the shop's time zone, dated by when things happened (an order's
 * placedAt), so a late report or an import lands on its own day. Members at a week's end count everyone who joined by then,
 * and joining is never later than a first order: active members are members by construction.
 * Days are 24-hour steps from local midnight; on a daylight-saving day they are off by an hour.
 */
export async function analytics(services: Services, shop: Shop, days: number): Promise<Analytics> {
  const read = services.driver.read;
  const timeZone = shop.program.timeZone;
  const today = wallClock(new Date(services.now()), timeZone);
  const first = new Date(Date.UTC(today.year, today.month - 1, today.day - days + 1));
  const from = instantAt(first.getUTCFullYear(), first.getUTCMonth() + 1, first.getUTCDate(), 0, timeZone).getTime();
  const to = from + days * DAY;
  const dateOf = (index: number, step: number) => new Date(first.getTime() + index * step).toISOString().slice(0, 10);

  const [points, orders, active, joined, membersBefore, members, outstanding, visits, referrals, repeat] = await Promise.all([
    queries.pointsByDay(read, shop.id, from, to),
    queries.ordersByDay(read, shop.id, from, to),
    queries.activeByWeek(read, shop.id, from, to),
    queries.joinedByDay(read, shop.id, from, to),
    queries.joinedBefore(read, shop.id, from),
    queries.members(read, shop.id),
    queries.pointsOutstanding(read, shop.id),
    queries.visits(read, shop.id, from, to),
    queries.referralsByStatus(read, shop.id, from, to),
    queries.repeatBuyers(read, shop.id, from, to),
  ]);

  const dayRows = Array.from({ length: days }, (_, index) => ({
    date: dateOf(index, DAY),
    pointsEarned: 0,
    pointsRedeemed: 0,
    onlineOrders: 0,
    storeOrders: 0,
  }));
  const revenueByDay = new Array<number>(days).fill(0);
  for (const row of points) {
    const day = dayRows[Number(row.bucket)];
    if (!day) continue;
    if (row.kind === "earn" || row.kind === "referral") day.pointsEarned += Number(row.points);
    else if (row.kind === "redeem") day.pointsRedeemed -= Number(row.points);
  }
  for (const row of orders) {
    const index = Number(row.bucket);
    const day = dayRows[index];
    if (!day) continue;
    if (row.channel === "store") day.storeOrders += Number(row.orders);
    else if (row.channel === "online") day.onlineOrders += Number(row.orders);
    revenueByDay[index] = (revenueByDay[index] ?? 0) + Number(row.revenue);
  }

  const joinedByWeek = new Map<number, number>();
  for (const row of joined) {
    const week = Math.floor(Number(row.bucket) / 7);
    joinedByWeek.set(week, (joinedByWeek.get(week) ?? 0) + Number(row.joined));
  }
  const activeByWeek = new Map(active.map((row) => [Number(row.bucket), Number(row.active)]));
  let cumulative = membersBefore;
  const weeks = Array.from({ length: Math.ceil(days / 7) }, (_, index) => {
    cumulative += joinedByWeek.get(index) ?? 0;
    return { start: dateOf(index, 7 * DAY), members: cumulative, activeMembers: activeByWeek.get(index) ?? 0 };
  });

  const earned = dayRows.reduce((sum, day) => sum + day.pointsEarned, 0);
  const redeemed = dayRows.reduce((sum, day) => sum + day.pointsRedeemed, 0);
  const revenue = revenueByDay.reduce((sum, value) => sum + value, 0);
  const byStatus = (status: string) => Number(referrals.find((row) => row.status === status)?.referrals ?? 0);
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    timeZone,
    currency: shop.currency,
    days: dayRows.map((day, index) => ({ ...day, revenue: fromMinor(revenueByDay[index] ?? 0, shop.currency) })),
    weeks,
    headline: {
      members,
      pointsOutstanding: outstanding,
      liability: liability(shop.program, outstanding, shop.currency),
      memberRevenue: fromMinor(revenue, shop.currency),
    },
    redemptionRate: ratio(redeemed, earned),
    referralFunnel: {
      visits,
      friendsOrdered: referrals.reduce((sum, row) => sum + Number(row.referrals), 0),
      rewardsGranted: byStatus("credited"),
      blocked: byStatus("blocked"),
    },
    orders: { online: dayRows.reduce((sum, day) => sum + day.onlineOrders, 0), store: dayRows.reduce((sum, day) => sum + day.storeOrders, 0) },
    repeatPurchase: {
      members: { buyers: repeat.buyers, repeatBuyers: repeat.repeaters, rate: ratio(repeat.repeaters, repeat.buyers) },
      nonMembers: null,
    },
    memberRevenueShare: null,
  };
}
