import autocannon from "autocannon";

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  url: string;
  seconds: number;
  connections: number;
  /** Fixed offered rate (requests/s over all connections); absent: as fast as the server answers. */
  rate?: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A new path (and body) for every request. */
  next: () => { path: string; body?: string };
}

function requestOf(options: Pick<LoadOptions, "method" | "headers" | "next">): autocannon.Request {
  return {
    method: options.method ?? "GET",
    headers: options.headers,
    setupRequest: (request: autocannon.Request) => {
      const { path, body } = options.next();
      return { ...request, path, ...(body === undefined ? {} : { body }) };
    },
  };
}

/** Drives the server from this process with autocannon (loopback only) and reports throughput and latency. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    duration: options.seconds,
    connections: options.connections,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [requestOf(options)],
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export interface TimedResponse {
  /** When the answer arrived (Date.now()). */
  at: number;
  ms: number;
  ok: boolean;
}

export interface RunningLoad {
  /** Stops the load and answers every request's latency, by when it finished, and how many failed to get an answer. */
  stop(): Promise<{ responses: TimedResponse[]; errors: number }>;
}

/** Starts a load that runs until stopped, recording each answer's latency with its time, to look at a window of it. */
export function startLoad(options: Omit<LoadOptions, "seconds">): RunningLoad {
  const responses: TimedResponse[] = [];
  let errors = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const instance = autocannon(
    {
      url: options.url,
      duration: 24 * 3600,
      connections: options.connections,
      ...(options.rate ? { overallRate: options.rate } : {}),
      requests: [requestOf(options)],
    },
    () => finish(),
  );
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    responses.push({ at: Date.now(), ms: responseTime, ok: statusCode >= 200 && statusCode < 300 });
  });
  instance.on("reqError", () => errors++);
  return {
    async stop() {
      instance.stop();
      await finished;
      return { responses, errors };
    },
  };
}

/** The `p`-th percentile (0–100) of the values, nearest rank; 0 when there are none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
