import type { Queries } from "./driver.ts";

/** What a new order's plan is made from, read in one statement without locks (PostgreSQL). */
export type OrderFacts = {
  /** The stored digest of an order with this id: a replay, answered by the transactional path. */
  replay_hash: string | null;
  balance: number;
  pending: number;
  version: number;
  marketing_consent: number;
  erased_at: number | null;
  /** What judging a code needs of the customer presenting it. */
  email: string | null;
  orders_count: number;
  /** Points that count for tiers as of the order's `placedAt`, and as of now (programs with tiers). */
  tier_points_then: number;
  tier_points_now: number;
  /** The shop's webhooks as JSON: `[{ "id", "events" }]` (events itself JSON text), or null. */
  webhooks: string | null;
  /** The rows of the codes the order reports that exist, as JSON (an array of `CodeRow`), or null when none does. */
  codes: string | null;
};

const TIER_POINTS = `(SELECT CAST(COALESCE(SUM(o.points_earned - o.points_reversed), 0) AS BIGINT) FROM orders o
  WHERE o.shop_id = c.shop_id AND o.customer_id = c.id AND o.placed_at >= ? AND o.placed_at <= ?)`;

export const orderPlans = {
  /**
   * The customer's row, a replay's digest, the tier points then and now, the shop's webhooks and the rows of the order's
   * codes (`codes`, normalised as the order stores them) (undefined: no such customer).
   */
  facts(q: Queries, shopId: string, orderId: string, customerId: string, then: [number, number], now: [number, number], codes: string[]) {
    return q.one<OrderFacts>(
      `SELECT c.balance, c.pending, c.version, c.marketing_consent, c.erased_at, c.email, c.orders_count,
         (SELECT request_hash FROM orders WHERE shop_id = c.shop_id AND id = ?) AS replay_hash,
         ${TIER_POINTS} AS tier_points_then,
         ${TIER_POINTS} AS tier_points_now,
         (SELECT json_agg(json_build_object('id', w.id, 'events', w.events))::text FROM webhooks w WHERE w.shop_id = c.shop_id) AS webhooks,
         (SELECT json_agg(k)::text FROM codes k
           WHERE k.shop_id = c.shop_id AND k.code IN (SELECT jsonb_array_elements_text(CAST(? AS jsonb)))) AS codes
       FROM customers c WHERE c.shop_id = ? AND c.id = ?`,
      [orderId, ...then, ...now, JSON.stringify(codes), shopId, customerId],
    );
  },

  /**
   * Applies a plan in one statement (migration 10's function): 'ok', or 'stale' when the customer changed since its facts
   * or one of the codes it uses was used meanwhile.
   */
  async record(q: Queries, plan: unknown): Promise<"ok" | "stale"> {
    const row = await q.one<{ outcome: "ok" | "stale" }>("SELECT loyalty_record_order(CAST(? AS jsonb)) AS outcome", [JSON.stringify(plan)]);
    return row?.outcome ?? "stale";
  },
};
