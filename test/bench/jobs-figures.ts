import { request } from "node:http";
import type { JobReport } from "../../contract/index.ts";
import { countDone, countDue, EXPIRY, type ExpiryReport } from "./jobs-counts.ts";
import { percentile, startLoad, type TimedResponse } from "./load.ts";
import { startProcess } from "./processes.ts";
import type { BenchShop } from "./seed-database.ts";

const OPERATOR_KEY = "ok_bench_operator_key_for_the_jobs_run";

export interface Latencies {
  count: number;
  /** Orders answered per second over the window (below the offered rate when answers slow down). */
  rate: number;
  p50: number;
  p99: number;
  max: number;
  /** The highest p99 over any one second of the window. */
  worstSecondP99: number;
  failed: number;
}

export interface JobFigures {
  /** Customers the run should expire and remind, counted in the database before it. */
  due: { expire: number; remind: number };
  /**
   * The first run (everything due) and a second one right after (nothing left to do). A first run still going at the time
   * limit is stopped (the process killed) and reports what it had done by then, counted in the database; no second run.
   */
  runs: { seconds: number; report: ExpiryReport; finished: boolean }[];
  ordersAlone: Latencies;
  ordersDuringRun: Latencies;
  orderRate: number;
  peakRssMb: number;
}

/** A copy of the bench database for one job run, and how to remove it. */
export interface DatabaseCopy {
  databaseUrl: string;
  drop(): Promise<void>;
}

function latencies(responses: TimedResponse[], from: number, to: number, errors: number): Latencies {
  const inWindow = responses.filter((response) => response.at >= from && response.at <= to);
  const times = inWindow.map((response) => response.ms);
  const bySecond = new Map<number, number[]>();
  for (const response of inWindow) {
    const second = Math.floor((response.at - from) / 1000);
    const values = bySecond.get(second);
    if (values) values.push(response.ms);
    else bySecond.set(second, [response.ms]);
  }
  const highest = (values: number[]) => values.reduce((max, value) => Math.max(max, value), 0);
  return {
    count: inWindow.length,
    rate: inWindow.length / Math.max(0.001, (to - from) / 1000),
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: highest(times),
    worstSecondP99: highest([...bySecond.values()].map((values) => percentile(values, 99))),
    failed: inWindow.filter((response) => !response.ok).length + errors,
  };
}

/** One request without a client-side time limit (a job run may take minutes). */
function call(url: string, method: string, path: string, key: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${url}${path}`,
      { method, headers: { authorization: `Bearer ${key}`, ...(payload ? { "content-type": "application/json" } : {}) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

async function expect(url: string, method: string, path: string, key: string, body?: unknown) {
  const answer = await call(url, method, path, key, body);
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json;
}

/**
 * The jobs over a whole shop (contract 7.2): on a copy of the bench database, with expiry switched on so that about half of
 * the members are due, runs `POST /v1/operator/jobs/run` while orders arrive at a fixed rate, and measures the run and the
 * orders' latency during it, against the same order load without a run.
 */
export async function measureJobs(options: {
  copy: () => Promise<DatabaseCopy>;
  shop: BenchShop;
  customers: number;
  port: number;
  orderRate: number;
  seconds: number;
  /** A first run still going after this many seconds is stopped. */
  limitSeconds: number;
}): Promise<JobFigures> {
  const copy = await options.copy();
  const child = await startProcess(
    "dist/server/serve.js",
    options.port,
    { DATABASE_URL: copy.databaseUrl, LOYALTY_PG_POOL: "10", LOYALTY_JOBS: "0", LOYALTY_OPERATOR_KEY: OPERATOR_KEY },
    "/healthz",
  );
  try {
    const secret = options.shop.secretKey;
    const program = (await expect(child.url, "GET", "/v1/program", secret)) as Record<string, unknown>;
    await expect(child.url, "PUT", "/v1/program", secret, { ...program, expiry: EXPIRY });

    const runId = Date.now().toString(36);
    let orderSeq = 0;
    const orders = () =>
      startLoad({
        url: child.url,
        // enough connections to keep the offered rate while answers take a few hundred ms
        connections: 64,
        rate: options.orderRate,
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        next: () => {
          const n = orderSeq++;
          const body = {
            id: `jobs-${runId}-${n}`,
            customerId: `c${(n * 104_729) % options.customers}`,
            subtotal: `${20 + (n % 80)}.95`,
            currency: "EUR",
            channel: "online",
            placedAt: new Date().toISOString(),
          };
          return { path: "/v1/orders", body: JSON.stringify(body) };
        },
      });
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    // the same order load alone, after a warm-up second
    let load = await orders();
    await wait(1000);
    const aloneFrom = Date.now();
    await wait(options.seconds * 1000);
    const aloneTo = Date.now();
    const alone = await load.stop();
    const due = await countDue(copy.databaseUrl, Date.now());

    load = await orders();
    await wait(1000);
    const started = Date.now();
    let limit: NodeJS.Timeout | undefined;
    const stopped = new Promise<null>((resolve) => {
      limit = setTimeout(() => resolve(null), options.limitSeconds * 1000);
    });
    const run = expect(child.url, "POST", "/v1/operator/jobs/run", OPERATOR_KEY) as Promise<JobReport>;
    const report = await Promise.race([run, stopped]);
    clearTimeout(limit);
    const finished = Date.now();
    const during = await load.stop();
    let peakRssMb = child.peakRssMb();
    const runs: JobFigures["runs"] = [];
    if (report) {
      runs.push({ seconds: (finished - started) / 1000, report, finished: true });
      const again = Date.now();
      const second = (await expect(child.url, "POST", "/v1/operator/jobs/run", OPERATOR_KEY)) as JobReport;
      runs.push({ seconds: (Date.now() - again) / 1000, report: second, finished: true });
      peakRssMb = child.peakRssMb();
    } else {
      run.catch(() => undefined);
      child.process.kill("SIGKILL");
      await new Promise((resolve) => child.process.once("exit", resolve));
      runs.push({ seconds: (finished - started) / 1000, report: await countDone(copy.databaseUrl), finished: false });
    }
    return {
      due,
      runs,
      ordersAlone: latencies(alone.responses, aloneFrom, aloneTo, alone.errors),
      ordersDuringRun: latencies(during.responses, started, finished, during.errors),
      orderRate: options.orderRate,
      peakRssMb,
    };
  } finally {
    await child.stop();
    await copy.drop();
  }
}
