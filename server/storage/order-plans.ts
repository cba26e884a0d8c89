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

/** What one order's facts are read for, with the tier windows as of its `placedAt` and as of now. */
export interface FactsQuestion {
  shopId: string;
  orderId: string;
  customerId: string;
  tierWindowThen: [number, number];
  tierWindowNow: [number, number];
  /** The codes the order reports, normalised as the order stores them. */
  codes: string[];
}

const tierPoints = (since: string, until: string) => `(SELECT CAST(COALESCE(SUM(o.points_earned - o.points_reversed), 0) AS BIGINT) FROM orders o
  WHERE o.shop_id = c.shop_id AND o.customer_id = c.id AND o.placed_at >= ${since} AND o.placed_at <= ${until})`;

export const orderPlans = {
  /**
   * For each question, in order, the customer's row, a replay's digest, the tier points then and now, the shop's webhooks
   * and the rows of the order's codes, in one statement (undefined: no such customer).
   */
  async facts(q: Queries, questions: FactsQuestion[]): Promise<(OrderFacts | undefined)[]> {
    const rows = await q.all<OrderFacts & { i: number }>(
      `SELECT r.i, c.balance, c.pending, c.version, c.marketing_consent, c.erased_at, c.email, c.orders_count,
         (SELECT request_hash FROM orders WHERE shop_id = c.shop_id AND id = r.order_id) AS replay_hash,
         ${tierPoints("r.then_since", "r.then_until")} AS tier_points_then,
         ${tierPoints("r.now_since", "r.now_until")} AS tier_points_now,
         (SELECT json_agg(json_build_object('id', w.id, 'events', w.events))::text FROM webhooks w WHERE w.shop_id = c.shop_id) AS webhooks,
         (SELECT json_agg(k)::text FROM codes k
           WHERE k.shop_id = c.shop_id AND k.code IN (SELECT jsonb_array_elements_text(r.codes))) AS codes
       FROM jsonb_to_recordset(CAST(? AS jsonb))
         AS r(i int, shop_id text, order_id text, customer_id text, then_since bigint, then_until bigint, now_since bigint, now_until bigint, codes jsonb)
       JOIN customers c ON c.shop_id = r.shop_id AND c.id = r.customer_id`,
      [
        JSON.stringify(
          questions.map((question, i) => ({
            i,
            shop_id: question.shopId,
            order_id: question.orderId,
            customer_id: question.customerId,
            then_since: question.tierWindowThen[0],
            then_until: question.tierWindowThen[1],
            now_since: question.tierWindowNow[0],
            now_until: question.tierWindowNow[1],
            codes: question.codes,
          })),
        ),
      ],
    );
    const byIndex = new Map(rows.map((row) => [Number(row.i), row]));
    return questions.map((_, i) => byIndex.get(i));
  },

  /**
   * Applies a plan in one statement (migration 10's function): 'ok', or 'stale' when the customer changed since its facts
   * or one of the codes it uses was used meanwhile.
   */
  async record(q: Queries, plan: unknown): Promise<"ok" | "stale"> {
    const row = await q.one<{ outcome: "ok" | "stale" }>("SELECT loyalty_record_order(CAST(? AS jsonb)) AS outcome", [JSON.stringify(plan)]);
    return row?.outcome ?? "stale";
  },

  /**
   * Applies several plans in one statement and one transaction (migration 11's function), each as `record` would, in the
   * order given: each plan's outcome. If any fails (the same order id recorded meanwhile, a deadlock) none is written.
   */
  async recordAll(q: Queries, plans: unknown[]): Promise<("ok" | "stale")[]> {
    const row = await q.one<{ outcomes: string }>("SELECT loyalty_record_orders(CAST(? AS jsonb))::text AS outcomes", [JSON.stringify(plans)]);
    return row ? (JSON.parse(row.outcomes) as ("ok" | "stale")[]) : plans.map(() => "stale");
  },
};
