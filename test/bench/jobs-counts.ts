import Database from "better-sqlite3";
import pg from "pg";
import { expiryCutoff, reminderCutoff } from "../../server/domain/expiry.ts";
import type { JobReport } from "../../contract/index.ts";

/** The program's expiry rule during the run: about half of the bench members are past it. */
export const EXPIRY = { monthsInactive: 6, reminderDays: 14 };

/** The part of a job run's report this benchmark is about. */
export type ExpiryReport = Pick<JobReport, "expired" | "expiryReminders">;

/** One row of numbers, read straight from the database (SQLite file or PostgreSQL), `?` placeholders. */
async function readNumbers<T extends string>(databaseUrl: string, sql: string, params: number[]): Promise<Record<T, number>> {
  let row: Record<string, unknown> | undefined;
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length), { readonly: true });
    try {
      row = db.prepare(sql).get(...params) as Record<string, unknown>;
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      let index = 0;
      row = (
        await client.query(
          sql.replace(/\?/g, () => `$${++index}`),
          params,
        )
      ).rows[0];
    } finally {
      await client.end();
    }
  }
  return Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [key, Number(value)])) as Record<T, number>;
}

/** Members due for expiry and for a reminder now. */
export function countDue(databaseUrl: string, now: number) {
  const expire = expiryCutoff(EXPIRY, now);
  return readNumbers<"expire" | "remind">(
    databaseUrl,
    `SELECT
      (SELECT COUNT(*) FROM customers WHERE shop_id = 'bench' AND last_earned_at <= ? AND balance > 0) AS expire,
      (SELECT COUNT(*) FROM customers WHERE shop_id = 'bench' AND last_earned_at > ? AND last_earned_at <= ? AND balance > 0) AS remind`,
    [expire, expire, reminderCutoff(EXPIRY, now)],
  );
}

/** What the jobs have done so far, from the entries and events they wrote: the report of a run that was stopped. */
export async function countDone(databaseUrl: string): Promise<ExpiryReport> {
  const done = await readNumbers<"expired" | "points" | "reminders">(
    databaseUrl,
    `SELECT (SELECT COUNT(*) FROM ledger WHERE shop_id = 'bench' AND kind = 'expiry') AS expired,
      (SELECT COALESCE(-SUM(points), 0) FROM ledger WHERE shop_id = 'bench' AND kind = 'expiry') AS points,
      (SELECT COUNT(*) FROM events WHERE shop_id = 'bench' AND type = 'points.expiring') AS reminders`,
    [],
  );
  return { expiryReminders: done.reminders, expired: { customers: done.expired, points: done.points } };
}
