import { resolve } from "node:path";
import { openSqlite } from "./storage/sqlite.ts";
import type { Driver } from "./storage/driver.ts";

/** The environment the contract defines, with its defaults. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env) {
  return {
    port: Number(env.PORT ?? 8787),
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL ?? `file:${resolve("data/loyalty.sqlite")}`,
    operatorKey: env.LOYALTY_OPERATOR_KEY || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    rateLimit: env.LOYALTY_RATE_LIMIT !== "0",
    trustProxy: env.LOYALTY_TRUST_PROXY === "1",
    /** How long a SIGTERM waits for requests in flight before cutting connections. */
    shutdownTimeoutMs: Number(env.LOYALTY_SHUTDOWN_TIMEOUT ?? 10) * 1000,
    webhookAllowPrivate: env.LOYALTY_WEBHOOK_ALLOW_PRIVATE === "1",
  };
}

/** `file:path` or a bare path selects SQLite; `postgres://` selects PostgreSQL. */
export async function openDriver(databaseUrl: string): Promise<Driver> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const { openPostgres } = await import("./storage/postgres.ts");
    return openPostgres(databaseUrl);
  }
  return openSqlite(databaseUrl.replace(/^file:/, ""));
}
