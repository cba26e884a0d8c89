import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { readEnvironment } from "../config.ts";
import { describeBackup } from "./backup-check.ts";

/**
 * `npm run backup -- <file>`: a consistent copy of the SQLite database while the endpoint keeps serving. `VACUUM INTO`
 * reads one snapshot in a single read transaction (writers go on; WAL mode lets them), so the copy is whole and holds
 * every write committed before it started. PostgreSQL deployments use pg_dump or point-in-time recovery (README).
 */
const target = process.argv[2];
const { databaseUrl } = readEnvironment();
if (!target) {
  console.error("usage: npm run backup -- <backup file>   (the database is DATABASE_URL, default ./data/loyalty.sqlite)");
  process.exit(2);
}
if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
  console.error("DATABASE_URL is PostgreSQL: back it up with pg_dump or point-in-time recovery (see the README)");
  process.exit(2);
}
const source = databaseUrl.replace(/^file:/, "");
const destination = resolve(target);
if (!existsSync(source)) {
  console.error(`no database at ${source}`);
  process.exit(1);
}
if (existsSync(destination)) {
  console.error(`${destination} exists: choose a new file (a backup never overwrites one)`);
  process.exit(1);
}
const started = Date.now();
const db = new Database(source, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");
db.prepare("VACUUM INTO ?").run(destination);
db.close();
const summary = describeBackup(destination);
console.log(
  `backup written to ${destination} in ${Date.now() - started} ms: ${statSync(destination).size} bytes, ${summary.customers} customers, ${summary.entries} ledger entries, migrations ${summary.migrations.join(", ")}`,
);
