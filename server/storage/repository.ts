import type { EntryKind } from "../../contract/index.ts";
import type { Queries } from "./driver.ts";
import { REFERRAL_STATS_SQL } from "./referrals.ts";
import { deliveries } from "./webhooks.ts";

/** Rows as stored. Numbers are plain JS numbers on both engines (the PostgreSQL adapter parses int8). */
export interface CustomerRow {
  [column: string]: string | number | null;
  shop_id: string;
  id: string;
  email: string | null;
  email_normalized: string | null;
  name: string | null;
  birthday: string | null;
  marketing_consent: number;
  /** When marketing_consent last changed (contract 7.4); null when never recorded. */
  marketing_consent_at: number | null;
  referral_code: string;
  balance: number;
  /** Points earned but not redeemable yet (the program's return window). */
  pending: number;
  orders_count: number;
  /** Tier points as of the customer's latest order or refund: what the console's list by tier sorts on. */
  tier_points: number;
  /** When the customer last earned (orders, actions), by when it happened: what expiry measures inactivity from. */
  last_earned_at: number | null;
  /** The `last_earned_at` whose inactivity has already expired the balance, and been reminded of. */
  expired_through: number | null;
  reminded_through: number | null;
  /** Bumped by every write that changes what the widget shows of this customer. */
  version: number;
  erased_at: number | null;
  created_at: number;
  /** The earlier of when it was recorded and its first order's placedAt: when the customer counts as a member in analytics. */
  joined_at: number;
}

export interface EntryRow {
  [column: string]: string | number | null;
  id: number;
  kind: string;
  points: number;
  cause_type: string;
  cause_id: string;
  order_id: string | null;
  reward_id: string | null;
  reason: string | null;
  created_at: number;
  occurred_at: number;
  pending_until: number | null;
}

export interface OrderRow {
  [column: string]: string | number | null;
  shop_id: string;
  id: string;
  customer_id: string;
  subtotal_minor: number;
  currency: string;
  channel: string;
  placed_at: number;
  points_earned: number;
  refunded_minor: number;
  points_reversed: number;
  request_hash: string;
  result: string;
}

export interface CodeRow {
  [column: string]: string | number | null;
  shop_id: string;
  code: string;
  kind: "reward" | "referral_welcome";
  customer_id: string | null;
  reward_id: string | null;
  referrer_id: string | null;
  offer: string;
  expires_at: number;
  used_by_order: string | null;
  created_at: number;
}

export interface NewCode {
  shop_id: string;
  code: string;
  kind: CodeRow["kind"];
  customer_id: string | null;
  reward_id: string | null;
  referrer_id: string | null;
  offer: string;
  expires_at: number;
  created_at: number;
}

/** A stored answer to a request that must be answered the same way when replayed. */
export interface ReplayRow {
  [column: string]: string | number | null;
  request_hash: string;
  result: string;
}

export interface NewEntry {
  shopId: string;
  customerId: string;
  kind: EntryKind;
  points: number;
  causeType: string;
  causeId: string;
  orderId?: string | null;
  rewardId?: string | null;
  reason?: string | null;
  /** When it was recorded. */
  at: number;
  /** When it happened (an order's `placedAt`, an action's `occurredAt`); default `at`. */
  occurredAt?: number;
  /** Pending until then (not redeemable): the entry moves the customer's `pending`, not the balance, until released. */
  pendingUntil?: number | null;
}

export const ledger = {
  /**
   * Appends an entry and moves the customer's balance (or, for a pending entry, their pending points) in the same
   * transaction; returns the new balance.
   */
  async append(tx: Queries, entry: NewEntry): Promise<number> {
    const pendingUntil = entry.pendingUntil ?? null;
    await tx.run(
      `INSERT INTO ledger (shop_id, customer_id, kind, points, cause_type, cause_id, order_id, reward_id, reason, created_at, occurred_at, pending_until)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        entry.shopId,
        entry.customerId,
        entry.kind,
        entry.points,
        entry.causeType,
        entry.causeId,
        entry.orderId ?? null,
        entry.rewardId ?? null,
        entry.reason ?? null,
        entry.at,
        entry.occurredAt ?? entry.at,
        pendingUntil,
      ],
    );
    const row = await tx.one<{ balance: number }>(
      pendingUntil === null
        ? "UPDATE customers SET balance = balance + ?, version = version + 1 WHERE shop_id = ? AND id = ? RETURNING balance"
        : "UPDATE customers SET pending = pending + ?, version = version + 1 WHERE shop_id = ? AND id = ? RETURNING balance",
      [entry.points, entry.shopId, entry.customerId],
    );
    if (!row) throw new Error(`ledger.append: no customer ${entry.customerId}`);
    return row.balance;
  },

  /** Every entry of the customer, oldest first. */
  ofCustomer: (q: Queries, shopId: string, customerId: string) =>
    q.all<EntryRow>("SELECT * FROM ledger WHERE shop_id = ? AND customer_id = ? ORDER BY id", [shopId, customerId]),

  /** Newest first; `beforeId` pages towards older entries. */
  page(q: Queries, shopId: string, customerId: string, limit: number, beforeId?: number): Promise<EntryRow[]> {
    return beforeId === undefined
      ? q.all<EntryRow>("SELECT * FROM ledger WHERE shop_id = ? AND customer_id = ? ORDER BY id DESC LIMIT ?", [shopId, customerId, limit])
      : q.all<EntryRow>("SELECT * FROM ledger WHERE shop_id = ? AND customer_id = ? AND id < ? ORDER BY id DESC LIMIT ?", [
          shopId,
          customerId,
          beforeId,
          limit,
        ]);
  },

  /** Points that count for tiers: what the customer's orders placed in [since, until] earned, less what refunds reversed. */
  async tierPoints(q: Queries, shopId: string, customerId: string, since: number, until: number): Promise<number> {
    const row = await q.one<{ total: number }>(TIER_POINTS_SQL, [shopId, customerId, since, until]);
    return Number(row?.total ?? 0);
  },

  /** Releases the customer's pending entries due by `now`; returns the points released (0 if another run did it). */
  async releasePending(tx: Queries, shopId: string, customerId: string, now: number): Promise<number> {
    const released = await tx.all<{ points: number }>(
      "UPDATE ledger SET pending_until = NULL WHERE shop_id = ? AND customer_id = ? AND pending_until IS NOT NULL AND pending_until <= ? RETURNING points",
      [shopId, customerId, now],
    );
    const points = released.reduce((sum, entry) => sum + Number(entry.points), 0);
    if (released.length)
      await tx.run("UPDATE customers SET balance = balance + ?, pending = pending - ?, version = version + 1 WHERE shop_id = ? AND id = ?", [
        points,
        points,
        shopId,
        customerId,
      ]);
    return points;
  },

  /** Until when the entry of a cause is pending (null: it is available, or there is none). */
  async pendingUntilOfCause(q: Queries, shopId: string, causeType: string, causeId: string, kind: EntryKind): Promise<number | null> {
    const row = await q.one<{ pending_until: number | null }>(
      "SELECT pending_until FROM ledger WHERE shop_id = ? AND cause_type = ? AND cause_id = ? AND kind = ?",
      [shopId, causeType, causeId, kind],
    );
    return row?.pending_until ?? null;
  },

  /** Customers with pending entries due by `now` (at most `limit`). */
  dueForRelease: (q: Queries, shopId: string, now: number, limit: number) =>
    q.all<{ customer_id: string }>(
      "SELECT DISTINCT customer_id FROM ledger WHERE shop_id = ? AND pending_until IS NOT NULL AND pending_until <= ? ORDER BY customer_id LIMIT ?",
      [shopId, now, limit],
    ),
};

/**
 * Tier points from the orders themselves, dated by `placedAt`: a backdated order counts as it would have then.
 * The one statement for it, also used inside the widget's snapshot.
 */
const TIER_POINTS_SQL = `SELECT CAST(COALESCE(SUM(points_earned - points_reversed), 0) AS BIGINT) AS total FROM orders
  WHERE shop_id = ? AND customer_id = ? AND placed_at >= ? AND placed_at <= ?`;

/** A customer's row with their tier points over a window and their referral stats: what the widget shows of a member. */
export interface CustomerSnapshot extends CustomerRow {
  tier_points: number;
  visits: number;
  friends: number;
  referral_points: number;
}

/** The profile fields a shop sets; each one given is written, the others keep their value. */
export type ProfileChanges = Partial<Record<"email" | "email_normalized" | "name" | "birthday", string>>;

export const customers = {
  get(q: Queries, shopId: string, id: string, forUpdate = false): Promise<CustomerRow | undefined> {
    return q.one<CustomerRow>(`SELECT * FROM customers WHERE shop_id = ? AND id = ?${forUpdate ? " FOR UPDATE" : ""}`, [shopId, id]);
  },

  /** What a cached view of the customer is checked against: bumped by every change the widget shows. */
  versionOf: (q: Queries, shopId: string, id: string) =>
    q.one<{ version: number; created_at: number }>("SELECT version, created_at FROM customers WHERE shop_id = ? AND id = ?", [shopId, id]),

  /** The same for several customers of a shop in one statement (PostgreSQL: the ids travel as one JSON array). */
  versionsOf: (q: Queries, shopId: string, ids: string[]) =>
    q.all<{ id: string; version: number; created_at: number }>(
      "SELECT id, version, created_at FROM customers WHERE shop_id = ? AND id = ANY(ARRAY(SELECT jsonb_array_elements_text(CAST(? AS jsonb))))",
      [shopId, JSON.stringify(ids)],
    ),

  /** Customer row, tier points of the orders placed in [since, until] and referral stats, in one statement. */
  snapshot(q: Queries, shopId: string, id: string, tierWindow: { since: number; until: number }): Promise<CustomerSnapshot | undefined> {
    const sameCustomer = [shopId, id];
    return q.one<CustomerSnapshot>(
      `SELECT c.*, (${TIER_POINTS_SQL}) AS tier_points, ${REFERRAL_STATS_SQL} FROM customers c WHERE c.shop_id = ? AND c.id = ?`,
      [...sameCustomer, tierWindow.since, tierWindow.until, ...sameCustomer, ...sameCustomer, ...sameCustomer, ...sameCustomer],
    );
  },

  /** Writes the profile fields given, in a fixed order, and marks the widget's view as changed. */
  async saveProfile(tx: Queries, shopId: string, id: string, changes: ProfileChanges): Promise<void> {
    const columns = (["email", "email_normalized", "name", "birthday"] as const).filter((column) => changes[column] !== undefined);
    if (!columns.length) return;
    await tx.run(`UPDATE customers SET ${columns.map((column) => `${column} = ?`).join(", ")}, version = version + 1 WHERE shop_id = ? AND id = ?`, [
      ...columns.map((column) => changes[column] as string),
      shopId,
      id,
    ]);
  },

  byReferralCode(q: Queries, shopId: string, code: string): Promise<CustomerRow | undefined> {
    return q.one<CustomerRow>("SELECT * FROM customers WHERE shop_id = ? AND referral_code = ? AND erased_at IS NULL", [shopId, code.toUpperCase()]);
  },

  /**
   * Counts an order (which the widget's view of the member shows: it asks about their latest order); an order that earned
   * dates the customer's latest earning (kept as the latest, by `placedAt`). An order placed before the customer was first
   * recorded (a late report, an import) makes them a member from its `placedAt`.
   */
  async countOrder(
    tx: Queries,
    shopId: string,
    id: string,
    earnedAt: number | null,
    placedAt: number,
    tierPoints: { value: number; current: boolean },
  ): Promise<void> {
    // tier points as of a current order replace the kept ones (points that left the window go); a backdated order adds its own
    await tx.run(
      `UPDATE customers SET orders_count = orders_count + 1, version = version + 1, joined_at = CASE WHEN joined_at > ? THEN ? ELSE joined_at END,
       tier_points = ${tierPoints.current ? "?" : "tier_points + ?"} WHERE shop_id = ? AND id = ?`,
      [placedAt, placedAt, tierPoints.value, shopId, id],
    );
    if (earnedAt !== null) await customers.earnedAt(tx, shopId, id, earnedAt);
  },

  /** Takes a refund's reversed points off the tier points kept for the console's list by tier. */
  async removeTierPoints(tx: Queries, shopId: string, id: string, points: number): Promise<void> {
    await tx.run("UPDATE customers SET tier_points = tier_points - ? WHERE shop_id = ? AND id = ?", [points, shopId, id]);
  },

  /** Dates the customer's latest earning, if `at` is later than the one known. */
  async earnedAt(tx: Queries, shopId: string, id: string, at: number): Promise<void> {
    await tx.run("UPDATE customers SET last_earned_at = ? WHERE shop_id = ? AND id = ? AND (last_earned_at IS NULL OR last_earned_at < ?)", [
      at,
      shopId,
      id,
      at,
    ]);
  },

  /** Inserts the customer if new (a referral code is drawn, retried on the rare collision) and locks the row. */
  async ensure(tx: Queries, shopId: string, id: string, at: number, newCode: () => string): Promise<CustomerRow> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const existing = await customers.get(tx, shopId, id, true);
      if (existing) return existing;
      const code = newCode();
      const taken = await tx.one("SELECT 1 AS taken FROM customers WHERE shop_id = ? AND referral_code = ?", [shopId, code]);
      if (taken) continue;
      await tx.run(
        "INSERT INTO customers (shop_id, id, referral_code, created_at, joined_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (shop_id, id) DO NOTHING",
        [shopId, id, code, at, at],
      );
    }
    throw new Error("customers.ensure: could not draw a free referral code");
  },
};

/** Customers the expiry job visits: those whose latest earning is after the keyset cursor and at or before `cutoff`. */
export const expiryScan = {
  candidates: (q: Queries, shopId: string, after: { at: number; id: string }, cutoff: number, limit: number) =>
    q.all<{ id: string; last_earned_at: number }>(
      `SELECT id, last_earned_at FROM customers
       WHERE shop_id = ? AND last_earned_at <= ? AND (last_earned_at > ? OR (last_earned_at = ? AND id > ?))
       ORDER BY last_earned_at, id LIMIT ?`,
      [shopId, cutoff, after.at, after.at, after.id, limit],
    ),
  async markExpired(tx: Queries, shopId: string, id: string, through: number): Promise<void> {
    await tx.run("UPDATE customers SET expired_through = ? WHERE shop_id = ? AND id = ?", [through, shopId, id]);
  },
  async markReminded(tx: Queries, shopId: string, id: string, through: number): Promise<void> {
    await tx.run("UPDATE customers SET reminded_through = ? WHERE shop_id = ? AND id = ?", [through, shopId, id]);
  },
};

/** Customers whose birthday (`YYYY-MM-DD`) falls on one of the days (`MM-DD`); erased customers have none. */
export const birthdays = {
  on: (q: Queries, shopId: string, days: string[], after: string, limit: number) =>
    q.all<{ id: string }>(
      `SELECT id FROM customers WHERE shop_id = ? AND substr(birthday, 6, 5) IN (${days.map(() => "?").join(", ")}) AND id > ?
       ORDER BY id LIMIT ?`,
      [shopId, ...days, after, limit],
    ),
};

/** What a job has done so far, per shop (cursors, the last day processed), as JSON. */
export const jobState = {
  async get<T>(q: Queries, shopId: string, job: string): Promise<T | undefined> {
    const row = await q.one<{ state: string }>("SELECT state FROM job_state WHERE shop_id = ? AND job = ?", [shopId, job]);
    return row ? (JSON.parse(row.state) as T) : undefined;
  },
  /** Cursors (`{ at, id }`) that stop at a customer being erased keep their date and lose the id. */
  async forgetCustomer(tx: Queries, shopId: string, customerId: string, at: number): Promise<void> {
    for (const row of await tx.all<{ job: string; state: string }>("SELECT job, state FROM job_state WHERE shop_id = ?", [shopId])) {
      const state = JSON.parse(row.state) as { id?: unknown };
      if (state && typeof state === "object" && state.id === customerId) await jobState.set(tx, shopId, row.job, { ...state, id: "" }, at);
    }
  },
  async set(tx: Queries, shopId: string, job: string, state: unknown, at: number): Promise<void> {
    await tx.run(
      `INSERT INTO job_state (shop_id, job, state, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (shop_id, job) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      [shopId, job, JSON.stringify(state), at],
    );
  },
};

/**
 * Events for the shop (`points.expiring`, …), written in the same transaction as the change that causes them:
 * the outbox webhooks deliver from, and that `GET /v1/events` pages through.
 */
export const events = {
  async record(tx: Queries, event: { shopId: string; type: string; customerId: string | null; data: unknown; at: number }): Promise<void> {
    const row = await tx.one<{ id: number }>(
      "INSERT INTO events (shop_id, type, customer_id, data, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
      [event.shopId, event.type, event.customerId, JSON.stringify(event.data), event.at],
    );
    // the webhooks' messages are queued in the same transaction: an event is never recorded without them
    if (row) await deliveries.fanOut(tx, { shopId: event.shopId, id: Number(row.id), type: event.type, at: event.at });
  },
  after: (q: Queries, shopId: string, afterId: number, limit: number) =>
    q.all<{ id: number; type: string; data: string; created_at: number }>(
      "SELECT id, type, data, created_at FROM events WHERE shop_id = ? AND id > ? ORDER BY id LIMIT ?",
      [shopId, afterId, limit],
    ),
};

/** The migration versions applied to this database. */
export const appliedMigrations = async (q: Queries) =>
  (await q.all<{ version: number }>("SELECT version FROM schema_migrations", [])).map((row) => Number(row.version));

/** Marks a customer's widget view as changed (profile, referral stats). */
export async function touchCustomer(tx: Queries, shopId: string, id: string): Promise<void> {
  await tx.run("UPDATE customers SET version = version + 1 WHERE shop_id = ? AND id = ?", [shopId, id]);
}

/** The stored answers of records kept by their id (orders, refunds, actions, adjustments), with their request digests. */
export const replays = {
  order: (q: Queries, shopId: string, id: string) => q.one<OrderRow>("SELECT * FROM orders WHERE shop_id = ? AND id = ?", [shopId, id]),
  refund: (q: Queries, shopId: string, id: string) =>
    q.one<ReplayRow & { order_id: string }>("SELECT request_hash, result, order_id FROM refunds WHERE shop_id = ? AND id = ?", [shopId, id]),
  action: (q: Queries, shopId: string, id: string) =>
    q.one<ReplayRow>("SELECT request_hash, result FROM actions WHERE shop_id = ? AND id = ?", [shopId, id]),
  adjustment: (q: Queries, shopId: string, id: string) =>
    q.one<ReplayRow>("SELECT request_hash, result FROM adjustments WHERE shop_id = ? AND id = ?", [shopId, id]),
};

export const codes = {
  get: (q: Queries, shopId: string, code: string) =>
    q.one<CodeRow>("SELECT * FROM codes WHERE shop_id = ? AND code = ?", [shopId, code.trim().toUpperCase()]),
  async insert(tx: Queries, row: NewCode): Promise<void> {
    await tx.run(
      `INSERT INTO codes (shop_id, code, kind, customer_id, reward_id, referrer_id, offer, expires_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.shop_id, row.code, row.kind, row.customer_id, row.reward_id, row.referrer_id, row.offer, row.expires_at, row.created_at],
    );
  },
  /** Every code the customer was given, oldest first. */
  ofCustomer: (q: Queries, shopId: string, customerId: string) =>
    q.all<CodeRow>("SELECT * FROM codes WHERE shop_id = ? AND customer_id = ? ORDER BY created_at", [shopId, customerId]),
  /** A member's reward codes still to use, newest first: their wallet. */
  walletOf: (q: Queries, shopId: string, customerId: string, now: number, limit: number) =>
    q.all<{ code: string; offer: string; expires_at: number }>(
      `SELECT code, offer, expires_at FROM codes WHERE shop_id = ? AND customer_id = ? AND kind = 'reward' AND used_by_order IS NULL AND expires_at > ?
       ORDER BY created_at DESC LIMIT ?`,
      [shopId, customerId, now, limit],
    ),
  async markUsed(tx: Queries, shopId: string, code: string, orderId: string, at: number): Promise<boolean> {
    const { changes } = await tx.run("UPDATE codes SET used_by_order = ?, used_at = ? WHERE shop_id = ? AND code = ? AND used_by_order IS NULL", [
      orderId,
      at,
      shopId,
      code,
    ]);
    return changes === 1;
  },
};

/** Ways to earn a customer has been awarded (contract 7.2), one row per report. */
export const actions = {
  async insert(
    tx: Queries,
    row: {
      shopId: string;
      id: string;
      customerId: string;
      actionId: string;
      points: number;
      occurredAt: number;
      requestHash: string;
      result: string;
      at: number;
    },
  ): Promise<void> {
    await tx.run(
      "INSERT INTO actions (shop_id, id, customer_id, action_id, points, occurred_at, request_hash, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [row.shopId, row.id, row.customerId, row.actionId, row.points, row.occurredAt, row.requestHash, row.result, row.at],
    );
  },

  /** How many times the customer was awarded the action in [start, end), by when it happened. */
  async countIn(q: Queries, shopId: string, customerId: string, actionId: string, period: { start: number; end: number }): Promise<number> {
    const row = await q.one<{ n: number }>(
      "SELECT COUNT(*) AS n FROM actions WHERE shop_id = ? AND customer_id = ? AND action_id = ? AND occurred_at >= ? AND occurred_at < ?",
      [shopId, customerId, actionId, period.start, period.end],
    );
    return Number(row?.n ?? 0);
  },
};

export type RetiringKind = "secret_key" | "signing_secret";

/** Keys replaced by a rotation that stay valid until `expires_at` (secret keys by digest, signing secrets as they are). */
export const retiringKeys = {
  add(tx: Queries, kind: RetiringKind, value: string, shopId: string, expiresAt: number) {
    return tx.run("INSERT INTO retiring_keys (kind, value, shop_id, expires_at) VALUES (?, ?, ?, ?)", [kind, value, shopId, expiresAt]);
  },

  ofShop(q: Queries, shopId: string): Promise<{ kind: string; value: string; expires_at: number }[]> {
    return q.all("SELECT kind, value, expires_at FROM retiring_keys WHERE shop_id = ? ORDER BY expires_at", [shopId]);
  },

  shopOfSecretKey(q: Queries, hash: string, now: number): Promise<{ shop_id: string; expires_at: number } | undefined> {
    return q.one("SELECT shop_id, expires_at FROM retiring_keys WHERE kind = 'secret_key' AND value = ? AND expires_at > ?", [hash, now]);
  },

  removeExpired(tx: Queries, shopId: string, now: number) {
    return tx.run("DELETE FROM retiring_keys WHERE shop_id = ? AND expires_at <= ?", [shopId, now]);
  },
};
