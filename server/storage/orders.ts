import type { Queries } from "./driver.ts";

/** An order as `placeOrder` records it: the rate it earned at (tier × campaign), and the digest of the request. */
export interface NewOrder {
  shopId: string;
  id: string;
  customerId: string;
  subtotalMinor: number;
  currency: string;
  channel: string;
  placedAt: number;
  pointsEarned: number;
  pointsPerUnit: number;
  multiplier: number;
  tierId: string | null;
  campaignId: string | null;
  requestHash: string;
  at: number;
}

/** What a refund needs of its order. */
export interface RefundableOrder {
  [column: string]: string | number | null;
  customer_id: string;
  subtotal_minor: number;
  points_earned: number;
  refunded_minor: number;
  points_reversed: number;
  placed_at: number;
}

/** An order as a customer's data export lists it. */
export interface ExportedOrder {
  [column: string]: string | number | null;
  id: string;
  subtotal_minor: number;
  currency: string;
  channel: "online" | "store";
  placed_at: number;
  points_earned: number;
  refunded_minor: number;
}

export const orders = {
  /** Records an order; its answer is written by `saveResult` once known, in the same transaction. */
  async insert(tx: Queries, order: NewOrder): Promise<void> {
    await tx.run(
      `INSERT INTO orders (shop_id, id, customer_id, subtotal_minor, currency, channel, placed_at, points_earned, points_per_unit, multiplier, tier_id, campaign_id, request_hash, result, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)`,
      [
        order.shopId,
        order.id,
        order.customerId,
        order.subtotalMinor,
        order.currency,
        order.channel,
        order.placedAt,
        order.pointsEarned,
        order.pointsPerUnit,
        order.multiplier,
        order.tierId,
        order.campaignId,
        order.requestHash,
        order.at,
      ],
    );
  },

  /** Stores the answer an order's replays get. */
  async saveResult(tx: Queries, shopId: string, id: string, result: string): Promise<void> {
    await tx.run("UPDATE orders SET result = ? WHERE shop_id = ? AND id = ?", [result, shopId, id]);
  },

  /** Locks the order for a refund and reads what was earned and refunded so far. */
  lockForRefund: (tx: Queries, shopId: string, id: string) =>
    tx.one<RefundableOrder>(
      "SELECT customer_id, subtotal_minor, points_earned, refunded_minor, points_reversed, placed_at FROM orders WHERE shop_id = ? AND id = ? FOR UPDATE",
      [shopId, id],
    ),

  /** Adds a refund's money and reversed points to the order's totals. */
  async addRefund(tx: Queries, shopId: string, id: string, amountMinor: number, pointsReversed: number): Promise<void> {
    await tx.run("UPDATE orders SET refunded_minor = refunded_minor + ?, points_reversed = points_reversed + ? WHERE shop_id = ? AND id = ?", [
      amountMinor,
      pointsReversed,
      shopId,
      id,
    ]);
  },

  /** A customer's orders, oldest placed first. */
  ofCustomer: (q: Queries, shopId: string, customerId: string) =>
    q.all<ExportedOrder>("SELECT * FROM orders WHERE shop_id = ? AND customer_id = ? ORDER BY placed_at", [shopId, customerId]),

  /** The stored answers of a customer's orders. */
  answersOf: (q: Queries, shopId: string, customerId: string) =>
    q.all<{ id: string; result: string }>("SELECT id, result FROM orders WHERE shop_id = ? AND customer_id = ?", [shopId, customerId]),

  /** Replaces an order's stored answer and request digest (an erasure rewrites both). */
  async replaceAnswer(tx: Queries, shopId: string, id: string, result: string, requestHash: string): Promise<void> {
    await tx.run("UPDATE orders SET result = ?, request_hash = ? WHERE shop_id = ? AND id = ?", [result, requestHash, shopId, id]);
  },
};

export const refunds = {
  /** Records a refund with its answer, for replays. */
  async insert(
    tx: Queries,
    refund: {
      shopId: string;
      id: string;
      orderId: string;
      amountMinor: number;
      pointsReversed: number;
      requestHash: string;
      result: string;
      at: number;
    },
  ): Promise<void> {
    await tx.run(
      "INSERT INTO refunds (shop_id, id, order_id, amount_minor, points_reversed, request_hash, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [refund.shopId, refund.id, refund.orderId, refund.amountMinor, refund.pointsReversed, refund.requestHash, refund.result, refund.at],
    );
  },
};
