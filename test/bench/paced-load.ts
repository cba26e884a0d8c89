import { connect, type Socket } from "node:net";
import { type LoadResult, percentile } from "./load.ts";

export interface PacedOptions {
  url: string;
  seconds: number;
  /** At most this many keep-alive connections; a request due while all are busy waits for one. */
  connections: number;
  /** Requests a second, one due every 1/rate s. */
  rate: number;
  /**
   * Seconds of the same load first, not counted (default 2): new connections, and the code of both ends warming up, slow
   * the first second's answers several times over.
   */
  warmUpSeconds?: number;
  /** A new path for every request (GET). */
  next: () => { path: string };
}

interface Connection {
  socket: Socket;
  /** When the latency of the request in flight counts from (performance.now()); undefined: free. */
  since?: number;
  received: Buffer;
}

/**
 * Sends GET requests at an even pace, one due every 1/rate s (loopback only; sent on a timer of about a millisecond), and
 * measures each answer's latency from when its request was sent, or, for a request that had to wait for a free connection,
 * from when it was due: the wait counts, so a slow answer is not hidden by the requests it held up. No second's requests
 * leave in one burst, as in autocannon's rate mode (each connection sends its share of the second at full speed, then
 * pauses): what is measured is the latency of a steady load.
 */
export async function paced(options: PacedOptions): Promise<LoadResult> {
  const { hostname, port } = new URL(options.url);
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const waiting: number[] = [];
  const free: Connection[] = [];

  const send = (connection: Connection, since: number) => {
    connection.since = since;
    connection.socket.write(`GET ${options.next().path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: keep-alive\r\n\r\n`);
  };
  const release = (connection: Connection) => {
    connection.since = undefined;
    const due = waiting.shift();
    if (due === undefined) free.push(connection);
    else send(connection, due);
  };
  const open = () =>
    new Promise<Connection>((resolve, reject) => {
      const connection: Connection = { socket: connect({ host: hostname, port: Number(port), noDelay: true }), received: Buffer.alloc(0) };
      connection.socket.once("connect", () => resolve(connection));
      connection.socket.once("error", reject);
      connection.socket.on("data", (chunk) => {
        connection.received = connection.received.length ? Buffer.concat([connection.received, chunk]) : chunk;
        // one answer at a time on a connection: complete once its head and Content-Length bytes of body are in
        const headEnd = connection.received.indexOf("\r\n\r\n");
        if (headEnd < 0 || connection.since === undefined) return;
        const head = connection.received.subarray(0, headEnd).toString("latin1");
        const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
        if (!length) throw new Error("paced load reads answers with a Content-Length only");
        const end = headEnd + 4 + Number(length[1]);
        if (connection.received.length < end) return;
        const status = Number(head.slice(9, 12));
        if (status < 200 || status >= 300) non2xx++;
        if (connection.since >= counted) latencies.push(performance.now() - connection.since);
        connection.received = connection.received.subarray(end);
        release(connection);
      });
    });

  const connections = await Promise.all(Array.from({ length: options.connections }, open));
  for (const connection of connections) {
    connection.socket.on("error", () => errors++);
    free.push(connection);
  }
  const warmUp = options.warmUpSeconds ?? 2;
  const total = Math.round(options.rate * (warmUp + options.seconds));
  const started = performance.now();
  const counted = started + warmUp * 1000;
  let issued = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      const dueNow = Math.min(total, Math.floor(((now - started) / 1000) * options.rate));
      for (; issued < dueNow; issued++) {
        const connection = free.pop();
        if (connection) send(connection, now);
        else waiting.push(started + (issued * 1000) / options.rate);
      }
      if (issued === total) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
  // the last answers, for at most ten seconds
  const deadline = performance.now() + 10_000;
  while ((waiting.length || free.length < connections.length) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  errors += waiting.length + (connections.length - free.length);
  for (const connection of connections) connection.socket.destroy();
  return {
    rps: Math.round(latencies.length / options.seconds),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    errors,
    non2xx,
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
