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

  /** Counts one request; with `peek`, only says what the count would be. */
  hit(key: string, now: number, peek = false): { count: number; retryAfter: number } {
    const minute = Math.floor(now / 60_000) * 60_000;
    const sameWindow = minute === this.windowStart;
    const count = (sameWindow ? (this.windows.get(key) ?? 0) : 0) + 1;
    if (!peek) {
      if (!sameWindow) {
        this.windows = new Map();
        this.windowStart = minute;
      }
      this.windows.set(key, count);
    }
    return { count, retryAfter: Math.max(1, Math.ceil((minute + 60_000 - now) / 1000)) };
  }
}

const counters = new Counters();

/** A route's limits: requests a minute per client IP and, once known, per customer. */
export interface Limits {
  bucket: string;
  perIp: number;
  perCustomer: number;
}

/** What the widget reads (`public-read`) and what it changes (`public-write`). */
export const PUBLIC_READS: Limits = { bucket: "public-read", perIp: 600, perCustomer: 120 };
export const PUBLIC_WRITES: Limits = { bucket: "public-write", perIp: 60, perCustomer: 20 };

/**
 * Counts one request; the seconds until the window ends when it is one too many, else null. With `peek`, counts nothing: a
 * caller that leaves a refusal to the rate-limited route itself asks first, so that the request is counted once.
 */
export function overLimit(
  limits: Limits,
  ip: string,
  customer: { shopId: string; customerId: string } | null,
  now: number,
  peek = false,
): number | null {
  const checks: [string, number][] = [[`${limits.bucket}:ip:${ip}`, limits.perIp]];
  if (customer) checks.push([`${limits.bucket}:customer:${customer.shopId}:${customer.customerId}`, limits.perCustomer]);
  for (const [key, limit] of checks) {
    const { count, retryAfter } = counters.hit(key, now, peek);
    if (count > limit) return retryAfter;
  }
  return null;
}

/** Limits a route per client IP and, once known, per customer (requests a minute). */
export function rateLimit(limits: Limits) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.get("config").rateLimit) return next();
    const customerId = c.get("customerId");
    const customer = customerId ? { shopId: c.get("shop").id, customerId } : null;
    const retryAfter = overLimit(limits, clientIpOf(c), customer, c.get("services").now());
    if (retryAfter !== null) throw new ApiError("rate_limited", `too many requests; try again in ${retryAfter} s`, retryAfter);
    return next();
  });
}
