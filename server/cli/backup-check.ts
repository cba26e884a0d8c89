import Database from "better-sqlite3";

/** Opens a backup read-only, checks its integrity and says what it holds; throws if it is not a whole loyalty database. */
export function describeBackup(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${file} fails SQLite's integrity check: ${String(integrity)}`);
    const migrations = db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all() as number[];
    const customers = db.prepare("SELECT COUNT(*) FROM customers").pluck().get() as number;
    const entries = db.prepare("SELECT COUNT(*) FROM ledger").pluck().get() as number;
    return { migrations, customers, entries };
  } finally {
    db.close();
  }
}
