import { randomInt } from "node:crypto";
import { signCustomerToken } from "../../server/sdk/sign-customer-token.js";
import type { BenchShop } from "./seed-database.ts";
import { type LoadOptions, type LoadResult, load } from "./load.ts";
import { type Child, startProcess } from "./processes.ts";

export interface EndpointFigures {
  /** The bare handler, measured just before and just after each of the widget's peak runs. */
  ceiling: LoadResult[];
  /** Each peak run of the boot request as a share of the bare handler's rate measured around it (0–1). */
  ratios: number[];
  /**
   * The boot request loyalty.js makes (`?view=boot`): peak, and latency at half the peak rate, the requests sent evenly
   * (load.ts with a rate).
   */
  widgetPeak: LoadResult;
  widgetHalf: LoadResult;
  /** The whole answer in one response (the first widget's request, still served): peak. */
  fullPeak: LoadResult;
  orders: LoadResult;
  peakRssMb: number;
}

/** Drives every process at once, the connections (and a fixed rate) split between them, and sums their figures. */
async function loadAll(urls: string[], options: Omit<LoadOptions, "url">): Promise<LoadResult> {
  const results = await Promise.all(
    urls.map((url) =>
      load({
        ...options,
        url,
        connections: Math.max(1, Math.round(options.connections / urls.length)),
        rate: options.rate ? options.rate / urls.length : undefined,
      }),
    ),
  );
  return {
    rps: results.reduce((sum, result) => sum + result.rps, 0),
    p50: Math.max(...results.map((result) => result.p50)),
    p99: Math.max(...results.map((result) => result.p99)),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
  };
}

/**
 * Starts `processes` built endpoints on one database and measures the widget's boot request (peak, and latency at half
 * the peak rate), the whole widget answer (peak) and order ingestion.
 */
export async function measureEndpoint(options: {
  databaseUrl: string;
  processes: number;
  shop: BenchShop;
  customers: number;
  seconds: number;
  port: number;
  ceiling: () => Promise<LoadResult>;
  /** How many peak runs of the boot request, each with the bare handler measured around it. */
  ratioRuns: number;
}): Promise<EndpointFigures> {
  const children: Child[] = [];
  for (let i = 0; i < options.processes; i++)
    children.push(
      // the request log on, as in production, written to a file; the jobs off, as in a process that only serves requests:
      // a job run over a million members takes minutes and slows the requests beside it (the jobs part measures how much)
      await startProcess(
        "dist/server/serve.js",
        options.port + i,
        { DATABASE_URL: options.databaseUrl, LOYALTY_PG_POOL: "10", LOYALTY_JOBS: "0" },
        "/healthz",
        [],
        `.bench/logs/endpoint-${options.port + i}.log`,
      ),
    );
  const urls = children.map((child) => child.url);
  try {
    const tokens = Array.from({ length: 5000 }, (_, i) =>
      signCustomerToken({
        signingSecret: options.shop.signingSecret,
        shop: "bench",
        customerId: `c${(i * 7919) % options.customers}`,
        expiresIn: 86_400,
      }),
    );
    const cycle = (paths: string[]) => {
      let cursor = 0;
      return () => ({ path: paths[cursor++ % paths.length] as string });
    };
    const next = cycle(tokens.map((token) => `/v1/shops/bench/widget?view=boot&locale=es&token=${token}`));
    const nextFull = cycle(tokens.map((token) => `/v1/shops/bench/widget?token=${token}`));
    await loadAll(urls, { seconds: 2, connections: 32, next }); // warm-up
    await loadAll(urls, { seconds: 2, connections: 32, next: nextFull });
    // the ceiling is measured around the widget's run: the machine's other load changes both alike
    // the boot request's peak, several times, each between two runs of the bare handler: the machine's other load changes
    // both alike, and the ratio's spread says how far one run can be trusted
    const ceiling = [await options.ceiling()];
    const peaks: LoadResult[] = [];
    for (let run = 0; run < options.ratioRuns; run++) {
      peaks.push(await loadAll(urls, { seconds: options.seconds, connections: 32, next }));
      ceiling.push(await options.ceiling());
    }
    const ratios = peaks.map((peak, run) => peak.rps / (((ceiling[run]?.rps ?? 0) + (ceiling[run + 1]?.rps ?? 0)) / 2));
    const widgetPeak = peaks.reduce((best, peak) => (peak.rps > best.rps ? peak : best));
    const widgetHalf = await loadAll(urls, { seconds: options.seconds, connections: 32, rate: Math.round(widgetPeak.rps / 2), next });
    const fullPeak = await loadAll(urls, { seconds: options.seconds, connections: 32, next: nextFull });
    let orderSeq = 0;
    const runId = Date.now().toString(36);
    // each run starts at a member of its own: on a bench database reused for many runs, every run's orders would otherwise
    // go to the same members (some 25,000 of them), whose history (and the cost of their next order) would grow run after run
    const firstMember = randomInt(options.customers);
    const placedAt = new Date().toISOString();
    const orders = await loadAll(urls, {
      seconds: options.seconds,
      connections: 32,
      method: "POST",
      headers: { authorization: `Bearer ${options.shop.secretKey}`, "content-type": "application/json" },
      next: () => {
        const n = orderSeq++;
        const body = {
          id: `bench-${runId}-${n}`,
          customerId: `c${(firstMember + n * 104_729) % options.customers}`,
          subtotal: `${20 + (n % 80)}.95`,
          currency: "EUR",
          channel: "online",
          placedAt,
        };
        return { path: "/v1/orders", body: JSON.stringify(body) };
      },
    });
    return { ceiling, ratios, widgetPeak, widgetHalf, fullPeak, orders, peakRssMb: Math.max(...children.map((child) => child.peakRssMb())) };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}
