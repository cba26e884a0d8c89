import type { AuditEntry, AuditPage } from "../../../contract/index.ts";
import { auditLog } from "../../storage/audit.ts";
import type { Services, Shop } from "../services.ts";

const PAGE = 50;

/** The shop's audit log, newest first, a page at a time. */
export async function auditPage(services: Services, shop: Shop, cursor?: number): Promise<AuditPage> {
  const rows = await auditLog.page(services.driver.read, shop.id, PAGE + 1, cursor);
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  const entries: AuditEntry[] = page.map((row) => ({
    id: String(row.id),
    actor: row.actor,
    action: row.action,
    customerId: row.customer_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    at: new Date(row.created_at).toISOString(),
  }));
  return { entries, nextCursor: rows.length > PAGE && last ? String(last.id) : null };
}

/** Writes an entry for a change whose own operation runs its own transactions (an import, a redelivery), right after it. */
export function recordChange(services: Services, shop: Shop, actor: string, action: string, details: Record<string, unknown> = {}) {
  return services.driver.transaction((tx) => auditLog.record(tx, { shopId: shop.id, actor, action, details, at: services.now() }));
}
