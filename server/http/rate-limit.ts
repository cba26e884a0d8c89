import { createMiddleware } from "hono/factory";
import { ApiError } from "../operations/errors.ts";
import { clientIpOf } from "./auth.ts";
import type { AppEnv } from "./env.ts";

/**
 * Fixed one-minute windows counted in this process's memory. With several processes each one counts
 * on its own, so the effective limit is the per-process limit times the number of processes.
 */
class Counters {
  private windows = new Map<string, number>();
  private windowStart = 0;

  hit(key: string, now: number): { count: number; retryAfter: number } {
    const minute = Math.floor(now / 60_000) * 60_000;
    if (minute !== this.windowStart) {
      this.windows = new Map();
      this.windowStart = minute;
    }
    const count = (this.windows.get(key) ?? 0) + 1;
    this.windows.set(key, count);
    return { count, retryAfter: Math.max(1, Math.ceil((minute + 60_000 - now) / 1000)) };
  }
}

const counters = new Counters();

/** Limits a route per client IP and, once known, per customer (requests a minute). */
export function rateLimit(bucket: string, limits: { perIp: number; perCustomer: number }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.get("config").rateLimit) return next();
    const now = c.get("services").now();
    const checks: [string, number][] = [[`${bucket}:ip:${clientIpOf(c)}`, limits.perIp]];
    const customer = c.get("customerId");
    if (customer) checks.push([`${bucket}:customer:${c.get("shop")?.id}:${customer}`, limits.perCustomer]);
    for (const [key, limit] of checks) {
      const { count, retryAfter } = counters.hit(key, now);
      if (count > limit) throw new ApiError("rate_limited", `too many requests; try again in ${retryAfter} s`, retryAfter);
    }
    return next();
  });
}
