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
  /** `loyalty_http_requests_total` and `loyalty_http_request_duration_seconds`, by route pattern, method and status. */
  private readonly requests = new RequestTallies(this.registry);
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

  /** Counts an answered request and its time to answer. */
  recordRequest(route: string, method: string, status: number, seconds: number) {
    this.requests.record(route, method, status, seconds);
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

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** One route, method and status: how many requests, their total time and how many took at most each bucket's bound. */
interface Tally {
  labels: { route: string; method: string; status: string };
  count: number;
  sum: number;
  /** Per bucket, not cumulative; the last counts those beyond every bound. */
  buckets: number[];
}

/**
 * The requests' counter and latency histogram, tallied with one map lookup a request and written out when scraped, in the
 * form prom-client writes its own (`le` first). prom-client's counter and histogram hash their labels on every call, which
 * took 4–7 % of the boot request's throughput.
 */
class RequestTallies {
  private readonly tallies = new Map<string, Tally>();

  constructor(registry: Registry) {
    const metric = (name: string, help: string, type: "counter" | "histogram", values: () => MetricValue[]) => ({
      name,
      help,
      type,
      aggregator: "sum",
      get: () => ({ name, help, type, aggregator: "sum", values: values() }),
      reset: () => this.tallies.clear(),
    });
    registry.registerMetric(
      metric("loyalty_http_requests_total", "HTTP requests answered, by route pattern, method and status", "counter", () =>
        [...this.tallies.values()].map((tally) => ({ labels: tally.labels, value: tally.count })),
      ) as never,
    );
    registry.registerMetric(
      metric("loyalty_http_request_duration_seconds", "Time to answer, by route pattern, method and status", "histogram", () =>
        [...this.tallies.values()].flatMap((tally) => {
          const bucket = (le: number | string, count: number) => ({
            labels: { le, ...tally.labels },
            value: count,
            metricName: "loyalty_http_request_duration_seconds_bucket",
          });
          // cumulative, as Prometheus buckets are: each counts the requests at or under its bound
          const atMost = (index: number) => tally.buckets.slice(0, index + 1).reduce((sum, count) => sum + count, 0);
          return [
            ...LATENCY_BUCKETS.map((bound, index) => bucket(bound, atMost(index))),
            bucket("+Inf", tally.count),
            { labels: tally.labels, value: tally.sum, metricName: "loyalty_http_request_duration_seconds_sum" },
            { labels: tally.labels, value: tally.count, metricName: "loyalty_http_request_duration_seconds_count" },
          ];
        }),
      ) as never,
    );
  }

  record(route: string, method: string, status: number, seconds: number) {
    const key = `${route} ${method} ${status}`;
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = { labels: { route, method, status: String(status) }, count: 0, sum: 0, buckets: Array(LATENCY_BUCKETS.length + 1).fill(0) };
      this.tallies.set(key, tally);
    }
    tally.count += 1;
    tally.sum += seconds;
    let index = 0;
    while (index < LATENCY_BUCKETS.length && seconds > (LATENCY_BUCKETS[index] as number)) index += 1;
    tally.buckets[index] = (tally.buckets[index] ?? 0) + 1;
  }
}

type MetricValue = { labels: Record<string, string | number>; value: number; metricName?: string };
