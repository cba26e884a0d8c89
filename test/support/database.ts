import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import type { Driver } from "../../server/storage/driver.ts";
import { openPostgres } from "../../server/storage/postgres.ts";
import { openSqlite } from "../../server/storage/sqlite.ts";

/** The PostgreSQL server the suite runs against too, when `LOYALTY_TEST_DATABASE` names one. */
export const testPostgresUrl = process.env.LOYALTY_TEST_DATABASE;

/**
 * A fresh, empty database for one test: an SQLite file in `dir`, or, when the suite runs on
 * PostgreSQL, a schema of its own (dropped by `drop`).
 */
export async function freshDriver(dir: string): Promise<{ driver: Driver; drop: () => Promise<void> }> {
  if (!testPostgresUrl) return { driver: openSqlite(join(dir, "loyalty.sqlite")), drop: async () => {} };
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(testPostgresUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    driver: openPostgres(url.toString(), { poolSize: 8 }),
    drop: async () => {
      const cleaner = new pg.Client({ connectionString: testPostgresUrl });
      await cleaner.connect();
      await cleaner.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleaner.end();
    },
  };
}
