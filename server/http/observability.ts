import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { sameSecret } from "../domain/secrets.ts";
import { missingMigrations } from "../operations/health.ts";
import type { AppConfig, AppEnv } from "./env.ts";
import type { Metrics } from "./metrics.ts";

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

/** An answered request, as its log line and the metrics count it. */
export interface AnsweredRequest {
  requestId: string;
  method: string;
  /** The route's pattern (`/v1/shops/:shop/widget`), or null when no route matched. */
  route: string | null;
  /** What the log shows: the route with its shop, never the path's customer ids or codes nor the query's token. */
  path: string;
  status: number;
  seconds: number;
}

/** Counts an answered request in the metrics and writes its log line (every request, whichever way it was answered). */
export function recordAnswered(config: AppConfig, metrics: Metrics, request: AnsweredRequest) {
  const { requestId, method, route, path, status, seconds } = request;
  metrics.recordRequest(route ?? "unmatched", method, status, seconds);
  const ms = Number((seconds * 1000).toFixed(1));
  config.log(
    config.logFormat === "json"
      ? formatLog("json", { level: "info", msg: "request", requestId, method, path, status, ms })
      : `${method} ${path} ${status} ${ms}ms`,
  );
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
