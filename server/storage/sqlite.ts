import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { type Driver, type Queries, type Row, type SqlValue, UniqueViolation } from "./driver.ts";
import { migrations, statements } from "./migrations.ts";

/** SQLite has no row locks: its single writer already serialises what `FOR UPDATE` and `FOR SHARE` protect. */
const withoutLocks = (sql: string) => sql.replace(/\s+FOR (UPDATE|SHARE)\s*$/i, "");

function queriesOn(db: Database.Database): Queries {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(withoutLocks(sql));
      cache.set(sql, statement);
    }
    return statement;
  };
  const guard = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      if (error instanceof Error && "code" in error && String(error.code).startsWith("SQLITE_CONSTRAINT_PRIMARYKEY"))
        return Promise.reject(new UniqueViolation(error.message));
      if (error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE")
        return Promise.reject(new UniqueViolation(error.message));
      return Promise.reject(error);
    }
  };
  return {
    one: <T extends Row>(sql: string, params: SqlValue[] = []) => guard(() => prepare(sql).get(...params) as T | undefined),
    all: <T extends Row>(sql: string, params: SqlValue[] = []) => guard(() => prepare(sql).all(...params) as T[]),
    run: (sql: string, params: SqlValue[] = []) => guard(() => ({ changes: prepare(sql).run(...params).changes })),
  };
}

interface Pending {
  work: (tx: Queries) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const MAX_GROUP = 256;

/**
 * The default engine: one file, WAL mode, `synchronous=FULL` so that an acknowledged write
 * survives power loss. One connection writes; a second one reads.
 *
 * Group commit: transactions that queue up while one is being written share the next commit. Each
 * runs alone, in order, inside its own savepoint (its failure undoes only its own writes), and none
 * is acknowledged before the commit that holds it has reached the disk.
 */
export function openSqlite(file: string): Driver {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const writer = new Database(file);
  writer.pragma("journal_mode = WAL");
  writer.pragma("synchronous = FULL");
  writer.pragma("busy_timeout = 5000");
  // erased personal data is overwritten with zeros, not left readable in free pages of the file
  writer.pragma("secure_delete = ON");
  const writes = queriesOn(writer);
  let reader: Database.Database | undefined;
  let dataVersion: Database.Statement | undefined;
  /** The reader's data_version as read in this event-loop turn; forgotten at the turn's end and at this process's commits. */
  let counted: number | undefined;
  let reads: Queries = writes;
  let pending: Pending[] = [];
  let writing: Promise<void> | null = null;
  let commitListener: ((transactions: number) => void) | undefined;

  async function writeGroup(): Promise<void> {
    while (pending.length) {
      // let every request that has arrived queue its transaction first: they share this commit
      await new Promise((resolve) => setImmediate(resolve));
      const group = pending.slice(0, MAX_GROUP);
      pending = pending.slice(group.length);
      const outcomes: { ok: boolean; value: unknown }[] = [];
      writer.exec("BEGIN IMMEDIATE");
      for (const item of group) {
        writer.exec("SAVEPOINT work");
        try {
          const value = await item.work(writes);
          writer.exec("RELEASE work");
          outcomes.push({ ok: true, value });
        } catch (error) {
          writer.exec("ROLLBACK TO work");
          writer.exec("RELEASE work");
          outcomes.push({ ok: false, value: error });
        }
      }
      try {
        writer.exec("COMMIT");
        counted = undefined;
        commitListener?.(group.length);
      } catch (error) {
        if (writer.inTransaction) writer.exec("ROLLBACK");
        for (const item of group) item.reject(error);
        continue;
      }
      group.forEach((item, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) item.resolve(outcome.value);
        else item.reject(outcome?.value);
      });
    }
    writing = null;
  }

  const driver: Driver = {
    dialect: "sqlite",
    get read() {
      return reads;
    },
    transaction<T>(work: (tx: Queries) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
        writing ??= Promise.resolve().then(writeGroup);
      });
    },
    async migrate() {
      writer.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)");
      const applied = new Set(writer.prepare("SELECT version FROM schema_migrations").pluck().all() as number[]);
      let count = 0;
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        writer.exec("BEGIN IMMEDIATE");
        try {
          for (const statement of statements(migration.sql("sqlite"))) writer.exec(statement);
          await migration.backfill?.(writes);
          writer.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)").run(migration.version, Date.now());
          writer.exec("COMMIT");
        } catch (error) {
          if (writer.inTransaction) writer.exec("ROLLBACK");
          throw error;
        }
        count++;
      }
      // fresh planner statistics, so that new indexes don't lure hot queries away from the right one
      writer.pragma("optimize");
      if (file !== ":memory:" && !reader) {
        reader = new Database(file, { readonly: true });
        reads = queriesOn(reader);
      }
      return count;
    },
    changeCounter() {
      // the writer's own commits do not change its data_version: only a separate reader sees every commit
      if (!reader) return undefined;
      // read once a turn: the requests of one turn were all in flight together, and none of them can have been sent after
      // another's answer; a commit of this process's own is seen at once, another process's by the next turn's requests
      if (counted === undefined) {
        dataVersion ??= reader.prepare("PRAGMA data_version").pluck();
        counted = dataVersion.get() as number;
        setImmediate(() => {
          counted = undefined;
        });
      }
      return counted;
    },
    observeCommits(listener) {
      commitListener = listener;
    },
    async close() {
      await writing;
      reader?.close();
      writer.close();
    },
  };
  return driver;
}
