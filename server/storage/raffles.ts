import type { Queries } from "./driver.ts";

/**
 * A raffle as stored (contract 7.4). `terms` is the raffle's definition as last saved (JSON); `seed` is secret until `status`
 * is `drawn`. `status`: `scheduled` (upcoming, open or closed by the clock), `drawn` or `cancelled`; `settled_at` is set once
 * nothing is left to do (drawn, or every entry of a cancelled raffle refunded).
 */
export interface RaffleRow {
  [column: string]: string | number | null;
  shop_id: string;
  id: string;
  seed: string;
  commitment: string;
  terms: string;
  opens_at: number;
  closes_at: number;
  status: "scheduled" | "drawn" | "cancelled";
  winner_entry_id: string | null;
  winner_customer_id: string | null;
  prize_code: string | null;
  prize_expires_at: number | null;
  drawn_at: number | null;
  cancelled_at: number | null;
  settled_at: number | null;
  created_at: number;
}

const lockClause = { none: "", share: " FOR SHARE", update: " FOR UPDATE" };

export const raffles = {
  /**
   * One raffle. `share` lets entries run side by side but waits for a draw or a cancellation in progress (and holds them
   * off until the entry commits); `update` is for the draw and the cancellation.
   */
  get: (q: Queries, shopId: string, id: string, lock: keyof typeof lockClause = "none") =>
    q.one<RaffleRow>(`SELECT * FROM raffles WHERE shop_id = ? AND id = ?${lockClause[lock]}`, [shopId, id]),

  /** Every raffle the shop has had (few: a program holds at most 20 at a time). */
  ofShop: (q: Queries, shopId: string, lock = false) =>
    q.all<RaffleRow>(`SELECT * FROM raffles WHERE shop_id = ? ORDER BY id${lock ? " FOR UPDATE" : ""}`, [shopId]),

  async insert(
    tx: Queries,
    row: { shopId: string; id: string; seed: string; commitment: string; terms: string; opensAt: number; closesAt: number; at: number },
  ) {
    await tx.run(
      "INSERT INTO raffles (shop_id, id, seed, commitment, terms, opens_at, closes_at, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'scheduled', ?)",
      [row.shopId, row.id, row.seed, row.commitment, row.terms, row.opensAt, row.closesAt, row.at],
    );
  },

  /** New terms of a raffle that has not opened, or a new title. The seed and its commitment never change. */
  async saveTerms(tx: Queries, shopId: string, id: string, terms: string, opensAt: number, closesAt: number) {
    await tx.run("UPDATE raffles SET terms = ?, opens_at = ?, closes_at = ? WHERE shop_id = ? AND id = ?", [terms, opensAt, closesAt, shopId, id]);
  },

  /** Cancels a raffle not drawn yet; its entries are refunded by the jobs. */
  async cancel(tx: Queries, shopId: string, id: string, at: number) {
    await tx.run("UPDATE raffles SET status = 'cancelled', cancelled_at = ? WHERE shop_id = ? AND id = ? AND status = 'scheduled'", [at, shopId, id]);
  },

  /** A raffle taken out of the program before it opened: nobody could enter it, and a new one of the same id gets a new seed. */
  async remove(tx: Queries, shopId: string, id: string) {
    await tx.run("DELETE FROM raffles WHERE shop_id = ? AND id = ? AND status = 'scheduled'", [shopId, id]);
  },

  /** Raffles with something left to do by `now`: closed and not drawn, or cancelled with entries still to refund. */
  due: (q: Queries, shopId: string, now: number) =>
    q.all<{ id: string }>(
      "SELECT id FROM raffles WHERE shop_id = ? AND settled_at IS NULL AND (closes_at <= ? OR status = 'cancelled') ORDER BY closes_at, id",
      [shopId, now],
    ),

  async markDrawn(
    tx: Queries,
    draw: {
      shopId: string;
      id: string;
      winnerEntryId: string | null;
      winnerCustomerId: string | null;
      prizeCode: string | null;
      prizeExpiresAt: number | null;
      at: number;
    },
  ) {
    await tx.run(
      `UPDATE raffles SET status = 'drawn', winner_entry_id = ?, winner_customer_id = ?, prize_code = ?, prize_expires_at = ?, drawn_at = ?, settled_at = ?
       WHERE shop_id = ? AND id = ?`,
      [draw.winnerEntryId, draw.winnerCustomerId, draw.prizeCode, draw.prizeExpiresAt, draw.at, draw.at, draw.shopId, draw.id],
    );
  },

  async markSettled(tx: Queries, shopId: string, id: string, at: number) {
    await tx.run("UPDATE raffles SET settled_at = ? WHERE shop_id = ? AND id = ?", [at, shopId, id]);
  },

  /** A draw changed what every shopper sees of the program: its widget answers (and the guests' ETag) are made again. */
  async touchProgram(tx: Queries, shopId: string) {
    await tx.run("UPDATE shops SET config_version = config_version + 1 WHERE id = ?", [shopId]);
  },

  /** Erasure: the customer's entries, purchases and wins move to the pseudonym (the draw stays recomputable). */
  async forgetCustomer(tx: Queries, shopId: string, customerId: string, pseudonym: string) {
    await tx.run("UPDATE raffle_purchases SET customer_id = ? WHERE shop_id = ? AND customer_id = ?", [pseudonym, shopId, customerId]);
    await tx.run("UPDATE raffle_entries SET customer_id = ? WHERE shop_id = ? AND customer_id = ?", [pseudonym, shopId, customerId]);
    await tx.run("UPDATE raffles SET winner_customer_id = ? WHERE shop_id = ? AND winner_customer_id = ?", [pseudonym, shopId, customerId]);
  },
};

/** Entries bought together: what one request paid, and what a cancellation refunds. */
export const rafflePurchases = {
  async insert(tx: Queries, row: { shopId: string; id: string; raffleId: string; customerId: string; entries: number; points: number; at: number }) {
    await tx.run("INSERT INTO raffle_purchases (shop_id, id, raffle_id, customer_id, entries, points, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", [
      row.shopId,
      row.id,
      row.raffleId,
      row.customerId,
      row.entries,
      row.points,
      row.at,
    ]);
  },

  /** Entries the customer holds in the raffle (refunded ones too: a cancelled raffle takes no more). */
  async heldBy(q: Queries, shopId: string, raffleId: string, customerId: string): Promise<number> {
    const row = await q.one<{ n: number }>(
      "SELECT CAST(COALESCE(SUM(entries), 0) AS BIGINT) AS n FROM raffle_purchases WHERE shop_id = ? AND customer_id = ? AND raffle_id = ?",
      [shopId, customerId, raffleId],
    );
    return Number(row?.n ?? 0);
  },

  /** Purchases of a raffle not refunded yet (at most `limit`). */
  unrefunded: (q: Queries, shopId: string, raffleId: string, limit: number) =>
    q.all<{ id: string; customer_id: string; entries: number; points: number }>(
      "SELECT id, customer_id, entries, points FROM raffle_purchases WHERE shop_id = ? AND raffle_id = ? AND refunded_at IS NULL ORDER BY id LIMIT ?",
      [shopId, raffleId, limit],
    ),

  /** Claims a purchase's refund: false when another run refunded it first. */
  async markRefunded(tx: Queries, shopId: string, id: string, at: number): Promise<boolean> {
    const { changes } = await tx.run("UPDATE raffle_purchases SET refunded_at = ? WHERE shop_id = ? AND id = ? AND refunded_at IS NULL", [
      at,
      shopId,
      id,
    ]);
    return changes === 1;
  },

  /** Entries and distinct entrants per raffle of the shop. */
  counts: (q: Queries, shopId: string) =>
    q.all<{ raffle_id: string; entries: number; entrants: number }>(
      "SELECT raffle_id, CAST(SUM(entries) AS BIGINT) AS entries, COUNT(DISTINCT customer_id) AS entrants FROM raffle_purchases WHERE shop_id = ? GROUP BY raffle_id",
      [shopId],
    ),
};

/** Single entries (tickets): their ids are fixed when bought, and the draw is computed over them. */
export const raffleEntries = {
  async insert(tx: Queries, row: { shopId: string; id: string; raffleId: string; customerId: string; purchaseId: string; at: number }) {
    await tx.run("INSERT INTO raffle_entries (shop_id, id, raffle_id, customer_id, purchase_id, created_at) VALUES (?, ?, ?, ?, ?, ?)", [
      row.shopId,
      row.id,
      row.raffleId,
      row.customerId,
      row.purchaseId,
      row.at,
    ]);
  },

  /** Every entry of a raffle, by id, with whether its purchase was refunded. */
  ofRaffle: (q: Queries, shopId: string, raffleId: string) =>
    q.all<{ id: string; customer_id: string; created_at: number; refunded_at: number | null }>(
      `SELECT e.id, e.customer_id, e.created_at, p.refunded_at FROM raffle_entries e
       JOIN raffle_purchases p ON p.shop_id = e.shop_id AND p.id = e.purchase_id
       WHERE e.shop_id = ? AND e.raffle_id = ? ORDER BY e.id`,
      [shopId, raffleId],
    ),

  /** A member's entries in some raffles, with each raffle's draw (the widget's view of them). */
  ofCustomer: (q: Queries, shopId: string, customerId: string, raffleIds: readonly string[]) =>
    q.all<{ raffle_id: string; id: string; winner_entry_id: string | null; prize_code: string | null; prize_expires_at: number | null }>(
      `SELECT e.raffle_id, e.id, r.winner_entry_id, r.prize_code, r.prize_expires_at FROM raffle_entries e
       JOIN raffles r ON r.shop_id = e.shop_id AND r.id = e.raffle_id
       WHERE e.shop_id = ? AND e.customer_id = ? AND e.raffle_id IN (${raffleIds.map(() => "?").join(", ")}) ORDER BY e.raffle_id, e.id`,
      [shopId, customerId, ...raffleIds],
    ),

  /** Every entry a customer ever bought (their privacy export). */
  allOfCustomer: (q: Queries, shopId: string, customerId: string) =>
    q.all<{
      raffle_id: string;
      id: string;
      created_at: number;
      state: string;
      opens_at: number;
      closes_at: number;
      winner_entry_id: string | null;
      refunded_at: number | null;
    }>(
      `SELECT e.raffle_id, e.id, e.created_at, r.status AS state, r.opens_at, r.closes_at, r.winner_entry_id, p.refunded_at FROM raffle_entries e
       JOIN raffles r ON r.shop_id = e.shop_id AND r.id = e.raffle_id
       JOIN raffle_purchases p ON p.shop_id = e.shop_id AND p.id = e.purchase_id
       WHERE e.shop_id = ? AND e.customer_id = ? ORDER BY e.created_at, e.id`,
      [shopId, customerId],
    ),
};
