import { copyFileSync, existsSync, renameSync, rmSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { readEnvironment } from "../config.ts";
import { describeBackup } from "./backup-check.ts";

/**
 * `npm run restore -- <backup file> [--force]`: puts a backup in place of the SQLite database (DATABASE_URL), with the
 * endpoint stopped. The backup is checked first; the database it replaces is kept beside it as `<file>.before-restore`.
 */
const [backup, ...flags] = process.argv.slice(2);
const force = flags.includes("--force");
const { databaseUrl } = readEnvironment();
if (!backup) {
  console.error("usage: npm run restore -- <backup file> [--force]   (stop the endpoint first; the database is DATABASE_URL)");
  process.exit(2);
}
if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
  console.error("DATABASE_URL is PostgreSQL: restore with pg_restore (see the README)");
  process.exit(2);
}
const target = resolve(databaseUrl.replace(/^file:/, ""));
const wal = `${target}-wal`;
// an endpoint that closed cleanly leaves no write-ahead log: one with content means it is running, or was killed
if (existsSync(wal) && statSync(wal).size > 0 && !force) {
  console.error(`${wal} is not empty: the endpoint may still be running. Stop it first (or pass --force if it was killed).`);
  process.exit(1);
}
const summary = describeBackup(resolve(backup));
const staged = `${target}.restoring`;
copyFileSync(resolve(backup), staged);
if (existsSync(target)) renameSync(target, `${target}.before-restore`);
for (const leftover of [wal, `${target}-shm`]) rmSync(leftover, { force: true });
renameSync(staged, target);
console.log(
  `restored ${resolve(backup)} to ${target}: ${summary.customers} customers, ${summary.entries} ledger entries (the previous database is ${target}.before-restore)`,
);
