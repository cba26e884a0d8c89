import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { sameSecret } from "../domain/secrets.ts";
import { missingMigrations } from "../operations/health.ts";
import type { AppEnv } from "./env.ts";

/** A caller's `X-Request-Id` if it is a plain token, else a new one: it ties a request's log lines together. */
export function requestIdOf(given: string | undefined): string {
  return given && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
}

/** One log line: `text` for people, `json` (LOYALTY_LOG_FORMAT=json) for log pipelines. Never tokens or personal data. */
export function formatLog(format: "text" | "json", fields: { level: "info" | "error"; msg: string; [field: string]: unknown }): string {
  if (format === "json") return JSON.stringify({ time: new Date().toISOString(), ...fields });
  const { level, msg, ...rest } = fields;
  return [level === "error" ? "error" : "", msg, ...Object.entries(rest).map(([key, value]) => `${key}=${String(value)}`)].filter(Boolean).join(" ");
}

/** `GET /metrics` in Prometheus text format, with `Authorization: Bearer <LOYALTY_METRICS_TOKEN>`; off when no token is set. */
export async function serveMetrics(c: Context<AppEnv>) {
  const token = c.get("config").metricsToken;
  if (!token) return c.json({ error: { code: "not_found", message: "metrics are off: set LOYALTY_METRICS_TOKEN" } }, 404);
  const given = c.req.header("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!sameSecret(given, token))
    return c.json({ error: { code: "unauthorized", message: "send Authorization: Bearer <LOYALTY_METRICS_TOKEN>" } }, 401);
  const metrics = c.get("metrics");
  c.header("Content-Type", metrics.registry.contentType);
  return c.body(await metrics.registry.metrics());
}

/** `GET /readyz`: storage answers and every migration is applied, and the process is not shutting down. */
export async function serveReadiness(c: Context<AppEnv>) {
  if (c.get("config").isDraining?.()) return c.json({ ready: false, reason: "shutting down" }, 503);
  try {
    const missing = await missingMigrations(c.get("services").driver);
    if (missing.length) return c.json({ ready: false, reason: `migrations not applied: ${missing.join(", ")}` }, 503);
    return c.json({ ready: true, storage: c.get("services").driver.dialect });
  } catch {
    return c.json({ ready: false, reason: "storage does not answer" }, 503);
  }
}
