import { randomBytes } from "node:crypto";
import type { Driver, Queries } from "./driver.ts";

export interface WebhookRow {
  [column: string]: string | number | null;
  shop_id: string;
  id: string;
  url: string;
  /** JSON array of event types. */
  events: string;
  secret: string;
  previous_secret: string | null;
  previous_valid_until: number | null;
  created_at: number;
}

export interface DeliveryRow {
  [column: string]: string | number | null;
  id: number;
  shop_id: string;
  webhook_id: string;
  event_id: number;
  message_id: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  next_attempt_at: number | null;
  last_status: number | null;
  last_error: string | null;
  last_attempt_at: number | null;
  delivered_at: number | null;
  created_at: number;
  type: string;
}

/** A claimed delivery with what it takes to send it: the webhook's address and secrets, and the event. */
export interface ClaimedDelivery extends DeliveryRow {
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_valid_until: number | null;
  data: string;
  event_created_at: number;
}

/** The shops' webhook subscriptions (contract 7.5). Secrets are kept as they are: deliveries are signed with them. */
export const webhooks = {
  async insert(tx: Queries, row: { shopId: string; id: string; url: string; events: string[]; secret: string; at: number }): Promise<void> {
    await tx.run("INSERT INTO webhooks (shop_id, id, url, events, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)", [
      row.shopId,
      row.id,
      row.url,
      JSON.stringify(row.events),
      row.secret,
      row.at,
    ]);
  },
  get: (q: Queries, shopId: string, id: string, forUpdate = false) =>
    q.one<WebhookRow>(`SELECT * FROM webhooks WHERE shop_id = ? AND id = ?${forUpdate ? " FOR UPDATE" : ""}`, [shopId, id]),
  ofShop: (q: Queries, shopId: string) => q.all<WebhookRow>("SELECT * FROM webhooks WHERE shop_id = ? ORDER BY created_at, id", [shopId]),
  /** Removes the webhook and its deliveries: nothing more is sent to it. */
  async remove(tx: Queries, shopId: string, id: string): Promise<boolean> {
    await tx.run("DELETE FROM webhook_deliveries WHERE shop_id = ? AND webhook_id = ?", [shopId, id]);
    return (await tx.run("DELETE FROM webhooks WHERE shop_id = ? AND id = ?", [shopId, id])).changes === 1;
  },
  async rotateSecret(tx: Queries, shopId: string, id: string, secret: string, previous: { secret: string; validUntil: number } | null) {
    await tx.run("UPDATE webhooks SET secret = ?, previous_secret = ?, previous_valid_until = ? WHERE shop_id = ? AND id = ?", [
      secret,
      previous?.secret ?? null,
      previous?.validUntil ?? null,
      shopId,
      id,
    ]);
  },
};

/** A webhook message's id (Standard Webhooks `webhook-id`): the same on every retry of the message. */
export const newMessageId = () => `msg_${randomBytes(15).toString("base64url")}`;

/**
 * Messages to send, one per event and subscribed webhook. They are written in the same transaction as the event (and so as
 * the change that caused it): a committed change always has its deliveries queued, and a rolled-back one never does.
 */
export const deliveries = {
  /** Webhook messages waiting to be sent (first tries and retries) and when the oldest of them was queued. */
  async queue(q: Queries): Promise<{ depth: number; oldest: number | null }> {
    const row = await q.one<{ depth: number; oldest: number | null }>(
      "SELECT COUNT(*) AS depth, MIN(created_at) AS oldest FROM webhook_deliveries WHERE status = 'pending'",
      [],
    );
    return { depth: Number(row?.depth ?? 0), oldest: row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest) };
  },
  async fanOut(tx: Queries, event: { shopId: string; id: number; type: string; at: number }): Promise<number> {
    const subscribed = (await tx.all<{ id: string; events: string }>("SELECT id, events FROM webhooks WHERE shop_id = ?", [event.shopId])).filter(
      (webhook) => (JSON.parse(webhook.events) as string[]).includes(event.type),
    );
    for (const webhook of subscribed)
      await tx.run(
        `INSERT INTO webhook_deliveries (shop_id, webhook_id, event_id, message_id, status, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
        [event.shopId, webhook.id, event.id, newMessageId(), event.at, event.at],
      );
    return subscribed.length;
  },

  /** Whether anything is due: a cheap read before a claim (which writes). */
  async anyDue(q: Queries, now: number): Promise<boolean> {
    const row = await q.one(
      "SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?) LIMIT 1",
      [now, now],
    );
    return row !== undefined;
  },

  /**
   * Claims up to `limit` due deliveries for `until` under the token `claim`: another process (or a later pass) skips them
   * until the claim runs out, so one attempt is not made twice at once; a process killed mid-delivery leaves a claim that
   * simply expires, and the message is sent again with the same id.
   */
  async claim(driver: Driver, now: number, until: number, claim: string, limit: number): Promise<ClaimedDelivery[]> {
    const skipLocked = driver.dialect === "postgres" ? " FOR UPDATE SKIP LOCKED" : "";
    await driver.transaction((tx) =>
      tx.run(
        `UPDATE webhook_deliveries SET claimed_until = ?, claim = ? WHERE id IN (
           SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
           ORDER BY next_attempt_at LIMIT ?${skipLocked})`,
        [until, claim, now, now, limit],
      ),
    );
    return driver.read.all<ClaimedDelivery>(
      `SELECT d.*, e.type, e.data, e.created_at AS event_created_at, w.url, w.secret, w.previous_secret, w.previous_valid_until
       FROM webhook_deliveries d JOIN events e ON e.id = d.event_id JOIN webhooks w ON w.shop_id = d.shop_id AND w.id = d.webhook_id
       WHERE d.claim = ? AND d.status = 'pending' ORDER BY d.id`,
      [claim],
    );
  },

  /** Records an attempt's outcome, if the claim still holds (a claim that ran out may have been taken by another pass). */
  async settle(
    tx: Queries,
    delivery: { id: number; claim: string },
    outcome: { at: number; status: number | null; error: string | null; delivered: boolean; nextAttemptAt: number | null },
  ): Promise<boolean> {
    const state = outcome.delivered ? "delivered" : outcome.nextAttemptAt === null ? "failed" : "pending";
    const { changes } = await tx.run(
      `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, last_status = ?, last_error = ?, last_attempt_at = ?,
         delivered_at = ?, next_attempt_at = ?, claimed_until = NULL, claim = NULL WHERE id = ? AND claim = ?`,
      [state, outcome.status, outcome.error, outcome.at, outcome.delivered ? outcome.at : null, outcome.nextAttemptAt, delivery.id, delivery.claim],
    );
    return changes === 1;
  },

  /** Sends a message again from the start of the retry schedule (a manual redelivery). */
  async redeliver(tx: Queries, shopId: string, webhookId: string, id: number, now: number): Promise<boolean> {
    const { changes } = await tx.run(
      `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, claimed_until = NULL, claim = NULL, delivered_at = NULL
       WHERE shop_id = ? AND webhook_id = ? AND id = ?`,
      [now, shopId, webhookId, id],
    );
    return changes === 1;
  },

  get: (q: Queries, shopId: string, webhookId: string, id: number) =>
    q.one<DeliveryRow>(
      "SELECT d.*, e.type FROM webhook_deliveries d JOIN events e ON e.id = d.event_id WHERE d.shop_id = ? AND d.webhook_id = ? AND d.id = ?",
      [shopId, webhookId, id],
    ),

  /** The webhook's deliveries, newest first; `beforeId` pages towards older ones. */
  page(q: Queries, shopId: string, webhookId: string, limit: number, beforeId: number | null, status: string | null) {
    return q.all<DeliveryRow>(
      `SELECT d.*, e.type FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
       WHERE d.shop_id = ? AND d.webhook_id = ? AND d.id < ? AND (CAST(? AS TEXT) IS NULL OR d.status = ?) ORDER BY d.id DESC LIMIT ?`,
      [shopId, webhookId, beforeId ?? Number.MAX_SAFE_INTEGER, status, status, limit],
    );
  },
};

const FORGOTTEN = JSON.stringify({ customerId: null });

/**
 * `customer.erased` events carry the shop's own id of the erased customer, so that the shop can erase them on its side. The
 * id stays only as long as that takes: until every webhook subscribed to it has the message, and never past `keepUntil`.
 */
export const erasureEvents = {
  /** Drops an erased customer's events and their queued messages: nothing more about them is sent. */
  async dropCustomerEvents(tx: Queries, shopId: string, customerId: string): Promise<void> {
    await tx.run("DELETE FROM webhook_deliveries WHERE event_id IN (SELECT id FROM events WHERE shop_id = ? AND customer_id = ?)", [
      shopId,
      customerId,
    ]);
    await tx.run("DELETE FROM events WHERE shop_id = ? AND customer_id = ?", [shopId, customerId]);
  },
  /** Forgets the id in `customer.erased` events recorded before `olderThan` (the literal lets the partial index serve). */
  forgetOlderThan: (tx: Queries, olderThan: number) =>
    tx.run(`UPDATE events SET data = ? WHERE type = 'customer.erased' AND data <> '{"customerId":null}' AND created_at <= ?`, [FORGOTTEN, olderThan]),
  /** Forgets the id in a `customer.erased` event once every webhook has it. */
  forgetIfDelivered: (tx: Queries, eventId: number) =>
    tx.run(
      `UPDATE events SET data = ? WHERE id = ? AND type = 'customer.erased'
       AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = ? AND d.status <> 'delivered')`,
      [FORGOTTEN, eventId, eventId],
    ),
};
