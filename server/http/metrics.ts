import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { JobReport } from "../../contract/index.ts";
import { webhookQueue } from "../operations/health.ts";
import type { Services } from "../operations/services.ts";

/**
 * The endpoint's Prometheus metrics, one registry per app (tests run many apps in one process). Labels are bounded:
 * routes are the matched route patterns (`/v1/shops/:shop/widget`), never paths with ids in them.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: "loyalty_http_requests_total",
    help: "HTTP requests answered, by route pattern, method and status",
    labelNames: ["route", "method", "status"],
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: "loyalty_http_request_duration_seconds",
    help: "Time to answer, by route pattern, method and status",
    labelNames: ["route", "method", "status"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly orders = new Counter({ name: "loyalty_orders_total", help: "Orders recorded (replays not counted)", registers: [this.registry] });
  readonly redemptions = new Counter({
    name: "loyalty_redemptions_total",
    help: "Rewards redeemed (replays not counted)",
    registers: [this.registry],
  });
  readonly jobRuns = new Counter({
    name: "loyalty_job_runs_total",
    help: "Runs of the due jobs, by outcome",
    labelNames: ["outcome"],
    registers: [this.registry],
  });
  readonly jobItems = new Counter({
    name: "loyalty_job_items_total",
    help: "What the jobs did: pending releases, expiry reminders, expiries, birthdays (customers)",
    labelNames: ["job"],
    registers: [this.registry],
  });
  readonly commitGroups = new Histogram({
    name: "loyalty_sqlite_commit_group_size",
    help: "Transactions that shared one SQLite commit (group commit)",
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [this.registry],
  });
  constructor(driver?: Services["driver"]) {
    collectDefaultMetrics({ register: this.registry, prefix: "loyalty_process_" });
    driver?.observeCommits?.((size) => this.commitGroups.observe(size));
    // read when scraped, never on a request's path
    new Gauge({
      name: "loyalty_db_pool_connections",
      help: "PostgreSQL pool connections, by state (total, idle, waiting requests)",
      labelNames: ["state"],
      registers: [this.registry],
      collect() {
        const stats = driver?.poolStats?.();
        if (!stats) return;
        this.set({ state: "total" }, stats.total);
        this.set({ state: "idle" }, stats.idle);
        this.set({ state: "waiting" }, stats.waiting);
      },
    });
    const queue = async () => (driver ? await webhookQueue(driver) : { depth: 0, oldest: null });
    new Gauge({
      name: "loyalty_webhook_queue_depth",
      help: "Webhook messages waiting to be sent (first tries and retries)",
      registers: [this.registry],
      async collect() {
        this.set((await queue()).depth);
      },
    });
    new Gauge({
      name: "loyalty_webhook_queue_oldest_seconds",
      help: "Age of the oldest webhook message waiting to be sent (0 when none waits)",
      registers: [this.registry],
      async collect() {
        const { oldest } = await queue();
        this.set(oldest === null ? 0 : Math.max(0, (Date.now() - oldest) / 1000));
      },
    });
  }

  /** Counts what a run of the jobs did. */
  recordJobs(report: JobReport | null) {
    this.jobRuns.inc({ outcome: report ? "ok" : "failed" });
    if (!report) return;
    this.jobItems.inc({ job: "pending_release" }, report.pendingReleased.customers);
    this.jobItems.inc({ job: "expiry_reminder" }, report.expiryReminders);
    this.jobItems.inc({ job: "expiry" }, report.expired.customers);
    this.jobItems.inc({ job: "birthday" }, report.birthdays);
  }
}
