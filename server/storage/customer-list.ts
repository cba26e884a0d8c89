import { foldText, searchWords } from "../domain/search.ts";
import type { Queries } from "./driver.ts";
import type { CustomerRow } from "./repository.ts";

export type CustomerSort = "recent" | "points" | "tier";

/** The words of customers' names, folded, so that a name is found by any of its words' beginnings with an index range. */
export const customerNames = {
  async index(tx: Queries, shopId: string, customerId: string, name: string): Promise<void> {
    await customerNames.forget(tx, shopId, customerId);
    for (const word of searchWords(name))
      await tx.run("INSERT INTO customer_name_words (shop_id, word, customer_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [
        shopId,
        word,
        customerId,
      ]);
  },

  async forget(tx: Queries, shopId: string, customerId: string): Promise<void> {
    await tx.run("DELETE FROM customer_name_words WHERE shop_id = ? AND customer_id = ?", [shopId, customerId]);
  },
};

/** `[from, to)` of the strings that start with `prefix`. */
const startingWith = (prefix: string) => [prefix, `${prefix}\uffff`];

/** Pages of a shop's customers, and search by id, email or name: every query is a range of an index that starts with the shop. */
export const customerList = {
  /**
   * Newest members first (customers_shop_joined), highest balances first (customers_shop_balance), or highest tier points
   * first (customers_shop_tier: tier points as of each customer's latest order or refund). Each is an index walk in order.
   */
  page(q: Queries, shopId: string, sort: CustomerSort, limit: number, offset: number) {
    const order = sort === "points" ? "balance DESC, id DESC" : sort === "tier" ? "tier_points DESC, id DESC" : "joined_at DESC, id DESC";
    return q.all<CustomerRow>(`SELECT * FROM customers WHERE shop_id = ? AND erased_at IS NULL ORDER BY ${order} LIMIT ? OFFSET ?`, [
      shopId,
      limit,
      offset,
    ]);
  },

  /** Customers whose id or email starts with `text` (a whole address matches as `normalisedEmail` says), or whose name has words starting with each of its words. */
  async search(q: Queries, shopId: string, text: string, normalisedEmail: string, limit: number): Promise<CustomerRow[]> {
    const folded = foldText(text);
    const email = text.includes("@") ? [normalisedEmail, normalisedEmail] : startingWith(folded);
    const found = await q.all<CustomerRow>(
      `SELECT * FROM customers WHERE shop_id = ? AND erased_at IS NULL AND (id = ? OR (id >= ? AND id < ?) OR (email_normalized >= ? AND email_normalized <= ?))
       ORDER BY id LIMIT ?`,
      [shopId, text, ...startingWith(text), email[0] as string, email[1] as string, limit],
    );
    const words = searchWords(text).sort((a, b) => b.length - a.length);
    const [first, ...others] = words;
    if (first) {
      const alsoHas = others.map(
        () =>
          "AND EXISTS (SELECT 1 FROM customer_name_words o WHERE o.shop_id = w.shop_id AND o.customer_id = w.customer_id AND o.word >= ? AND o.word < ?)",
      );
      // in the index's order (word, customer), so that the first matches come at once whatever their number; a customer with
      // two words starting alike comes twice, hence twice the limit
      const named = await q.all<CustomerRow>(
        `SELECT c.* FROM customer_name_words w JOIN customers c ON c.shop_id = w.shop_id AND c.id = w.customer_id
         WHERE w.shop_id = ? AND w.word >= ? AND w.word < ? ${alsoHas.join(" ")} AND c.erased_at IS NULL LIMIT ?`,
        [shopId, ...startingWith(first), ...others.flatMap(startingWith), limit * 2],
      );
      for (const row of named) if (!found.some((other) => other.id === row.id)) found.push(row);
    }
    return found.slice(0, limit);
  },
};

export interface LedgerWithOrderRow {
  [column: string]: string | number | null;
  id: number;
  kind: string;
  points: number;
  order_id: string | null;
  reward_id: string | null;
  reason: string | null;
  created_at: number;
  occurred_at: number;
  pending_until: number | null;
  channel: string | null;
  multiplier: number | null;
  subtotal_minor: number | null;
  currency: string | null;
  placed_at: number | null;
}

/** A customer's ledger, newest first, each earning or refund with the order behind it (channel, multiplier, subtotal). */
export function ledgerWithOrders(q: Queries, shopId: string, customerId: string, limit: number, beforeId?: number) {
  return q.all<LedgerWithOrderRow>(
    `SELECT l.id, l.kind, l.points, l.order_id, l.reward_id, l.reason, l.created_at, l.occurred_at, l.pending_until,
       o.channel, o.multiplier, o.subtotal_minor, o.currency, o.placed_at
     FROM ledger l LEFT JOIN orders o ON o.shop_id = l.shop_id AND o.id = l.order_id
     WHERE l.shop_id = ? AND l.customer_id = ?${beforeId === undefined ? "" : " AND l.id < ?"} ORDER BY l.id DESC LIMIT ?`,
    beforeId === undefined ? [shopId, customerId, limit] : [shopId, customerId, beforeId, limit],
  );
}
