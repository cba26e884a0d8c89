import type { Queries } from "./driver.ts";

/** One answer to "how was your purchase?", keyed by its order: an order is rated once. */
export interface FeedbackRow {
  [column: string]: string | number | null;
  order_id: string;
  customer_id: string;
  rating: number;
  /** The shopper's own words, kept as text; cleared when the customer is erased. */
  comment: string | null;
  points: number;
  request_hash: string;
  /** The answer given, for a replay. */
  result: string;
  created_at: number;
}

export interface FeedbackWithOrder extends FeedbackRow {
  placed_at: number;
  subtotal_minor: number;
  currency: string;
  channel: string;
}

const withOrder = `SELECT f.*, o.placed_at, o.subtotal_minor, o.currency, o.channel FROM feedback f
  JOIN orders o ON o.shop_id = f.shop_id AND o.id = f.order_id`;

export const feedback = {
  ofOrder: (q: Queries, shopId: string, orderId: string) =>
    q.one<FeedbackRow>("SELECT * FROM feedback WHERE shop_id = ? AND order_id = ?", [shopId, orderId]),

  async insert(
    tx: Queries,
    row: {
      shopId: string;
      orderId: string;
      customerId: string;
      rating: number;
      comment: string | null;
      points: number;
      requestHash: string;
      result: string;
      at: number;
    },
  ): Promise<void> {
    await tx.run(
      "INSERT INTO feedback (shop_id, order_id, customer_id, rating, comment, points, request_hash, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [row.shopId, row.orderId, row.customerId, row.rating, row.comment, row.points, row.requestHash, row.result, row.at],
    );
  },

  /** Newest first, after a keyset cursor (the last row of the previous page). */
  page: (q: Queries, shopId: string, limit: number, before?: { at: number; orderId: string }) =>
    before
      ? q.all<FeedbackWithOrder>(
          `${withOrder} WHERE f.shop_id = ? AND (f.created_at < ? OR (f.created_at = ? AND f.order_id < ?))
           ORDER BY f.created_at DESC, f.order_id DESC LIMIT ?`,
          [shopId, before.at, before.at, before.orderId, limit],
        )
      : q.all<FeedbackWithOrder>(`${withOrder} WHERE f.shop_id = ? ORDER BY f.created_at DESC, f.order_id DESC LIMIT ?`, [shopId, limit]),

  ofCustomer: (q: Queries, shopId: string, customerId: string) =>
    q.all<FeedbackRow>("SELECT * FROM feedback WHERE shop_id = ? AND customer_id = ? ORDER BY created_at, order_id", [shopId, customerId]),

  /** The customer's latest order placed since `since`, and whether it has been rated: what the widget asks about. */
  latestOrder: (q: Queries, shopId: string, customerId: string, since: number) =>
    q.one<{ id: string; placed_at: number; rated: string | null }>(
      `SELECT o.id, o.placed_at, (SELECT f.order_id FROM feedback f WHERE f.shop_id = o.shop_id AND f.order_id = o.id) AS rated
       FROM orders o WHERE o.shop_id = ? AND o.customer_id = ? AND o.placed_at >= ? ORDER BY o.placed_at DESC LIMIT 1`,
      [shopId, customerId, since],
    ),

  /** Erasure: the rows move to the pseudonym, and the shopper's words (which may name them) go. */
  async forget(tx: Queries, shopId: string, customerId: string, pseudonym: string, erasedHash: string): Promise<void> {
    await tx.run("UPDATE feedback SET customer_id = ?, comment = NULL, request_hash = ? WHERE shop_id = ? AND customer_id = ?", [
      pseudonym,
      erasedHash,
      shopId,
      customerId,
    ]);
  },
};
