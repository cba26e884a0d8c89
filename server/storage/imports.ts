import type { ImportRow } from "../domain/imports.ts";
import { normaliseEmail } from "../domain/referrals.ts";
import type { Queries } from "./driver.ts";
import { customers, ledger } from "./repository.ts";

/** Imports by Idempotency-Key: the request's digest, and its answer once finished (null while it runs). */
export const importRuns = {
  get: (q: Queries, shopId: string, key: string) =>
    q.one<{ request_hash: string; result: string | null }>("SELECT request_hash, result FROM imports WHERE shop_id = ? AND key = ?", [shopId, key]),
  async start(tx: Queries, shopId: string, key: string, hash: string, at: number): Promise<void> {
    await tx.run("INSERT INTO imports (shop_id, key, request_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (shop_id, key) DO NOTHING", [
      shopId,
      key,
      hash,
      at,
    ]);
  },
  async finish(tx: Queries, shopId: string, key: string, result: string): Promise<void> {
    await tx.run("UPDATE imports SET result = ? WHERE shop_id = ? AND key = ?", [result, shopId, key]);
  },
};

/**
 * Brings one member over: creates or updates the customer, adds the imported balance as one `import` ledger entry (once per
 * customer ever: the entry's cause is the customer id, so a second import of the same member adds nothing), and records
 * imported tier points as an `import` order, so that they count for tiers as the program's window says.
 */
export async function importMember(
  tx: Queries,
  shop: { id: string; currency: string },
  row: ImportRow,
  at: number,
  newCode: () => string,
): Promise<{ created: boolean; pointsAdded: number; alreadyImported: boolean }> {
  const existing = await customers.get(tx, shop.id, row.customerId, true);
  if (!existing) await customers.ensure(tx, shop.id, row.customerId, at, newCode);
  const changes: [string, string][] = [];
  if (row.email) changes.push(["email", row.email], ["email_normalized", normaliseEmail(row.email)]);
  if (row.name) changes.push(["name", row.name]);
  if (row.birthday) changes.push(["birthday", row.birthday]);
  if (changes.length)
    await tx.run(
      `UPDATE customers SET ${changes.map(([column]) => `${column} = ?`).join(", ")}, version = version + 1 WHERE shop_id = ? AND id = ?`,
      [...changes.map(([, value]) => value), shop.id, row.customerId],
    );
  let pointsAdded = 0;
  let alreadyImported = false;
  if (row.points > 0) {
    const before = await tx.one("SELECT id FROM ledger WHERE shop_id = ? AND cause_type = 'import' AND cause_id = ? AND kind = 'import'", [
      shop.id,
      row.customerId,
    ]);
    if (before) alreadyImported = true;
    else {
      await ledger.append(tx, {
        shopId: shop.id,
        customerId: row.customerId,
        kind: "import",
        points: row.points,
        causeType: "import",
        causeId: row.customerId,
        at,
      });
      // imported points count as earned now: expiry by inactivity measures from the import, not from never
      await customers.earnedAt(tx, shop.id, row.customerId, at);
      pointsAdded = row.points;
    }
  }
  if (row.tierPoints > 0)
    await tx.run(
      `INSERT INTO orders (shop_id, id, customer_id, subtotal_minor, currency, channel, placed_at, points_earned, points_per_unit, multiplier, request_hash, result, created_at)
       VALUES (?, ?, ?, 0, ?, 'import', ?, ?, 0, 1, 'import', '{}', ?) ON CONFLICT (shop_id, id) DO NOTHING`,
      [shop.id, `import:${row.customerId}`, row.customerId, shop.currency, at, row.tierPoints, at],
    );
  return { created: !existing, pointsAdded, alreadyImported };
}

/** What importing a member would do, read only (a dry run). */
export async function previewMember(q: Queries, shopId: string, customerId: string) {
  const existing = await customers.get(q, shopId, customerId);
  const imported = existing
    ? await q.one("SELECT id FROM ledger WHERE shop_id = ? AND cause_type = 'import' AND cause_id = ? AND kind = 'import'", [shopId, customerId])
    : undefined;
  return { exists: existing !== undefined, alreadyImported: imported !== undefined };
}
