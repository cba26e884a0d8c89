import type { Queries } from "./driver.ts";

export interface AuditRow {
  [column: string]: string | number | null;
  id: number;
  shop_id: string;
  actor: string;
  action: string;
  customer_id: string | null;
  details: string;
  created_at: number;
}

export interface AuditNote {
  shopId: string;
  /** The marketer's email, `api` (the shop's secret key) or `cli` (the command line). */
  actor: string;
  action: string;
  /** The customer concerned, kept in its own column so that an erasure can replace it with the pseudonym. */
  customerId?: string | null;
  /** A short description as data (changed sections, points, a role): never a customer's personal data. */
  details?: Record<string, unknown>;
  at: number;
}

/** Who changed what in a shop, written in the same transaction as the change. */
export const auditLog = {
  async record(tx: Queries, note: AuditNote): Promise<void> {
    await tx.run("INSERT INTO console_audit (shop_id, actor, action, customer_id, details, created_at) VALUES (?, ?, ?, ?, ?, ?)", [
      note.shopId,
      note.actor,
      note.action,
      note.customerId ?? null,
      JSON.stringify(note.details ?? {}),
      note.at,
    ]);
  },

  /** Newest first; `beforeId` pages towards older entries. */
  page: (q: Queries, shopId: string, limit: number, beforeId?: number) =>
    beforeId === undefined
      ? q.all<AuditRow>("SELECT * FROM console_audit WHERE shop_id = ? ORDER BY id DESC LIMIT ?", [shopId, limit])
      : q.all<AuditRow>("SELECT * FROM console_audit WHERE shop_id = ? AND id < ? ORDER BY id DESC LIMIT ?", [shopId, beforeId, limit]),

  async count(q: Queries, shopId: string): Promise<number> {
    return Number((await q.one<{ entries: number }>("SELECT COUNT(*) AS entries FROM console_audit WHERE shop_id = ?", [shopId]))?.entries ?? 0);
  },
};
