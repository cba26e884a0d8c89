import pg from "pg";
import { type Driver, type Queries, type Row, type SqlValue, UniqueViolation } from "./driver.ts";
import { migrations } from "./migrations.ts";

// BIGINT columns (balances, timestamps, counts) come back as numbers, as they do from SQLite.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

/**
 * A statement as PostgreSQL runs it: `?` placeholders, written once for both engines, become `$1, $2, ...`, and each distinct
 * statement has a name, so that every connection parses and plans it once and then only binds and runs it (the hot paths'
 * statements, with their subqueries, cost more to parse and plan than to run).
 */
interface Prepared {
  /** Absent past MAX_PREPARED distinct statements: statements written for a number of items (imports, `IN (...)` lists). */
  name?: string;
  text: string;
}
/** Each connection keeps the statements it prepared: a bound on how many, whatever varied statements are sent. */
const MAX_PREPARED = 1000;
const prepared = new Map<string, Prepared>();
/** Bumped when a table changed under prepared statements: every statement gets a new name, prepared afresh. */
let generation = 0;
function toPostgres(sql: string): Prepared {
  let statement = prepared.get(sql);
  if (!statement) {
    let index = 0;
    const text = sql.replace(/\?/g, () => `$${++index}`);
    if (prepared.size >= MAX_PREPARED) return { text };
    statement = { name: `loyalty_${generation}_${prepared.size}`, text };
    prepared.set(sql, statement);
  }
  return statement;
}

/** "cached plan must not change result type": a table changed under a prepared statement (another process migrated). */
const CHANGED_UNDER_STATEMENT = "0A000";
function prepareAfresh() {
  generation++;
  prepared.clear();
}

const RETRYABLE = new Set(["40001", "40P01", "23505", "0A000"]);
const MIGRATION_LOCK = 734_201;

function queriesOn(client: pg.Pool | pg.PoolClient, prepare: boolean): Queries {
  const query = async (sql: string, params: SqlValue[] = [], again = false): Promise<pg.QueryResult> => {
    const statement = toPostgres(sql);
    const { text } = statement;
    const name = prepare ? statement.name : undefined;
    try {
      return await client.query(name ? { name, text, values: params } : { text, values: params });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "23505") throw Object.assign(new UniqueViolation((error as Error).message), { code: "23505" });
      // a table changed under the statement since it was prepared: every statement is prepared again under a new name, and
      // this one run again (a transaction is retried whole)
      if (code === CHANGED_UNDER_STATEMENT && name) {
        prepareAfresh();
        if (!again && !("release" in client)) return await query(sql, params, true);
      }
      throw error;
    }
  };
  return {
    one: async <T extends Row>(sql: string, params?: SqlValue[]) => (await query(sql, params)).rows[0] as T | undefined,
    all: async <T extends Row>(sql: string, params?: SqlValue[]) => (await query(sql, params)).rows as T[],
    run: async (sql: string, params?: SqlValue[]) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
  };
}

/**
 * PostgreSQL for many stateless endpoint processes. Transactions run at READ COMMITTED and lock the
 * rows they change (`SELECT ... FOR UPDATE`); a transaction that loses a race (a unique key another
 * process just inserted, a serialization failure, a deadlock) is rolled back and run again, and then
 * finds the winner's row — which is how idempotency holds across processes.
 */
export function openPostgres(url: string, options: { poolSize?: number; prepare?: boolean } = {}): Driver {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? Number(process.env.LOYALTY_PG_POOL ?? 10) });
  // named statements are the connection's own: off for a pooler that hands one session's statements to another
  const prepare = options.prepare ?? process.env.LOYALTY_PG_PREPARE !== "0";
  const read = queriesOn(pool, prepare);
  return {
    dialect: "postgres",
    read,
    async transaction<T>(work: (tx: Queries) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const result = await work(queriesOn(client, prepare));
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          const code = (error as { code?: string }).code ?? "";
          if (!RETRYABLE.has(code) || attempt >= 8) throw error;
        } finally {
          client.release();
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    },
    async migrate() {
      const client = await pool.connect();
      try {
        // one process migrates while the others wait: safe when several start at once
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
        await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)");
        const applied = new Set((await client.query("SELECT version FROM schema_migrations")).rows.map((row) => Number(row.version)));
        let count = 0;
        for (const migration of migrations) {
          if (applied.has(migration.version)) continue;
          await client.query("BEGIN");
          await client.query(migration.sql("postgres"));
          // run once, while the schema changes: nothing to prepare
          await migration.backfill?.(queriesOn(client, false));
          await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", [migration.version, Date.now()]);
          await client.query("COMMIT");
          count++;
        }
        return count;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await pool.end();
    },
  };
}
