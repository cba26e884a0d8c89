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

/** Drives the server from this process with autocannon (loopback only) and reports throughput and latency. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    duration: options.seconds,
    connections: options.connections,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        method: options.method ?? "GET",
        headers: options.headers,
        setupRequest: (request: autocannon.Request) => {
          const { path, body } = options.next();
          return { ...request, path, ...(body === undefined ? {} : { body }) };
        },
      },
    ],
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
