import { connect, type Socket } from "node:net";

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
  /** Keep-alive connections; with a rate, at most this many, and a request due while all are busy waits for one. */
  connections: number;
  /**
   * Requests a second over all connections, one due every 1/rate s (sent on a timer of about a millisecond); absent: each
   * connection sends its next request as soon as its answer is in, as fast as the server answers.
   */
  rate?: number;
  /**
   * Seconds of the same load first, not counted (default 2 with a rate, none without): new connections, and the code of both
   * ends warming up, slow the first second's answers several times over.
   */
  warmUpSeconds?: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A new path (and body) for every request. */
  next: () => { path: string; body?: string };
}

/** One answer: its latency, when it arrived (Date.now()), and whether it was a 2xx. */
export interface TimedResponse {
  at: number;
  ms: number;
  ok: boolean;
}

interface Answer {
  /** When the request was sent or, if it waited for a free connection, when it was due (performance.now()). */
  since: number;
  /** When the answer was in (performance.now()). */
  in: number;
  status: number;
}

interface Connection {
  socket: Socket;
  /** When the latency of the request in flight counts from; undefined: free. */
  since?: number;
  received?: Buffer;
}

/**
 * A load on one endpoint over loopback, from this process: keep-alive HTTP/1.1 connections of `node:net`, each answer read by
 * its Content-Length. Kept lean on purpose: the load generator shares the machine's cores with the endpoint and its
 * database, and every microsecond it spends is one they do not get (autocannon, used before, spent about twice as much a
 * request).
 */
class LoadRun {
  readonly answers: Answer[] = [];
  errors = 0;
  private running = true;
  private readonly open = new Set<Connection>();
  private readonly free: Connection[] = [];
  /** Requests due (their due time) while every connection was busy, with a rate. */
  private readonly waiting: number[] = [];
  private readonly host: string;
  private readonly port: number;
  private readonly fixedHeaders: string;
  private pacing?: NodeJS.Timeout;

  constructor(private readonly options: Omit<LoadOptions, "seconds">) {
    const { hostname, port } = new URL(options.url);
    this.host = hostname;
    this.port = Number(port);
    const headers = { host: `${hostname}:${port}`, connection: "keep-alive", ...options.headers };
    this.fixedHeaders = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("");
  }

  async start(): Promise<void> {
    const connections = await Promise.all(Array.from({ length: this.options.connections }, () => this.connect()));
    const rate = this.options.rate;
    if (!rate) {
      for (const connection of connections) this.send(connection, performance.now());
      return;
    }
    this.free.push(...connections);
    const started = performance.now();
    let issued = 0;
    this.pacing = setInterval(() => {
      const now = performance.now();
      const dueNow = Math.floor(((now - started) / 1000) * rate);
      for (; issued < dueNow; issued++) {
        const connection = this.free.pop();
        if (connection) this.send(connection, now);
        else this.waiting.push(started + (issued * 1000) / rate);
      }
    }, 1);
  }

  /**
   * Makes no more requests due (with a rate, those already due and waiting for a connection are still sent: their wait
   * counts), waits at most ten seconds for the answers still owed, and counts the missing ones as errors.
   */
  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.pacing);
    const owed = () => [...this.open].filter((connection) => connection.since !== undefined).length + this.waiting.length;
    const deadline = performance.now() + 10_000;
    while (owed() > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    this.errors += owed();
    for (const connection of this.open) connection.socket.destroy();
    this.open.clear();
  }

  private connect(): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const connection: Connection = { socket: connect({ host: this.host, port: this.port, noDelay: true }) };
      connection.socket.once("connect", () => {
        this.open.add(connection);
        resolve(connection);
      });
      connection.socket.once("error", reject);
      connection.socket.on("data", (chunk: Buffer) => this.receive(connection, chunk));
      connection.socket.on("close", () => this.lost(connection));
    });
  }

  /** A connection the server closed: its request in flight failed; a new one takes its place while the load runs. */
  private lost(connection: Connection) {
    if (!this.open.delete(connection)) return;
    if (connection.since !== undefined) this.errors++;
    if (!this.running) return;
    this.connect().then(
      (replacement) => this.answered(replacement),
      () => this.errors++,
    );
  }

  private send(connection: Connection, since: number) {
    connection.since = since;
    const { path, body } = this.options.next();
    const method = this.options.method ?? "GET";
    connection.socket.write(
      body === undefined
        ? `${method} ${path} HTTP/1.1\r\n${this.fixedHeaders}\r\n`
        : `${method} ${path} HTTP/1.1\r\n${this.fixedHeaders}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }

  private receive(connection: Connection, chunk: Buffer) {
    const received = connection.received ? Buffer.concat([connection.received, chunk]) : chunk;
    connection.received = received;
    // one answer at a time on a connection: complete once its head and Content-Length bytes of body are in
    const headEnd = received.indexOf("\r\n\r\n");
    if (headEnd < 0 || connection.since === undefined) return;
    const head = received.toString("latin1", 0, headEnd);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) throw new Error("the load reads answers with a Content-Length only");
    const end = headEnd + 4 + Number(length[1]);
    if (received.length < end) return;
    this.answers.push({ since: connection.since, in: performance.now(), status: Number(head.slice(9, 12)) });
    connection.received = received.length > end ? received.subarray(end) : undefined;
    this.answered(connection);
  }

  /**
   * A connection free again: without a rate it sends the next request while the load runs; with one it takes the request
   * waiting longest, even after the load stopped, or waits for the pacing's next.
   */
  private answered(connection: Connection) {
    connection.since = undefined;
    if (!this.options.rate) {
      if (this.running) this.send(connection, performance.now());
      return;
    }
    const due = this.waiting.shift();
    if (due === undefined) this.free.push(connection);
    else this.send(connection, due);
  }
}

/**
 * Drives the server for `seconds` (after the warm-up) and reports throughput and latency. Without a rate, the answers that
 * arrived in the window are counted; with one, the answers to the requests due in it, however late they came: a slow answer
 * is not hidden by the requests it held up, and no second's requests leave in one burst.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const run = new LoadRun(options);
  await run.start();
  const from = performance.now() + (options.warmUpSeconds ?? (options.rate ? 2 : 0)) * 1000;
  const to = from + options.seconds * 1000;
  await new Promise((resolve) => setTimeout(resolve, to - performance.now()));
  await run.stop();
  const counted = run.answers.filter((answer) => (options.rate ? answer.since >= from : answer.in >= from && answer.in <= to));
  const latencies = counted.map((answer) => answer.in - answer.since);
  return {
    rps: Math.round(counted.length / options.seconds),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    errors: run.errors,
    non2xx: counted.filter((answer) => answer.status < 200 || answer.status >= 300).length,
  };
}

export interface RunningLoad {
  /** Stops the load and answers every request's latency, by when it finished, and how many failed to get an answer. */
  stop(): Promise<{ responses: TimedResponse[]; errors: number }>;
}

/** Starts a load that runs until stopped, recording each answer's latency with its time, to look at a window of it. */
export async function startLoad(options: Omit<LoadOptions, "seconds" | "warmUpSeconds">): Promise<RunningLoad> {
  const run = new LoadRun(options);
  await run.start();
  // performance.now() and Date.now() differ by a constant while the run lasts
  const offset = Date.now() - performance.now();
  return {
    async stop() {
      await run.stop();
      const responses = run.answers.map((answer) => ({
        at: Math.round(offset + answer.in),
        ms: round(answer.in - answer.since),
        ok: answer.status >= 200 && answer.status < 300,
      }));
      return { responses, errors: run.errors };
    },
  };
}

/** The `p`-th percentile (0–100) of the values, nearest rank; 0 when there are none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
