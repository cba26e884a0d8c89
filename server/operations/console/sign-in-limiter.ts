/**
 * Counts sign-in attempts in fixed windows, in this process's memory: per client IP (every attempt)
 * and per shop + email (failures only, so a marketer who signs in fine is never locked out by it).
 */
export class SignInLimiter {
  private counts = new Map<string, { count: number; windowStart: number }>();

  constructor(private readonly limits = { perIp: 30, perEmail: 5, windowMs: 15 * 60_000 }) {}

  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  retryAfter(ip: string, account: string, now: number): number {
    const wait = (key: string, limit: number) => {
      const entry = this.current(key, now);
      return entry.count >= limit ? Math.ceil((entry.windowStart + this.limits.windowMs - now) / 1000) : 0;
    };
    return Math.max(wait(`ip:${ip}`, this.limits.perIp), wait(`account:${account}`, this.limits.perEmail));
  }

  attempted(ip: string, now: number) {
    this.current(`ip:${ip}`, now).count++;
  }

  failed(account: string, now: number) {
    this.current(`account:${account}`, now).count++;
  }

  succeeded(account: string) {
    this.counts.delete(`account:${account}`);
  }

  private current(key: string, now: number) {
    let entry = this.counts.get(key);
    if (!entry || now - entry.windowStart >= this.limits.windowMs) {
      if (this.counts.size > 100_000) this.counts.clear();
      entry = { count: 0, windowStart: now };
      this.counts.set(key, entry);
    }
    return entry;
  }
}
