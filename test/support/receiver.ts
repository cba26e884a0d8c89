import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/**
 * A webhook receiver on 127.0.0.1: records what it gets and answers `respond()` (200 by default). It can go down and come
 * back up on the same port, as a shop's server does.
 */
export async function startReceiver(options: { port?: number; delayMs?: number } = {}) {
  const received: Received[] = [];
  let respond: (request: Received) => { status: number; headers?: Record<string, string> } = () => ({ status: 200 });
  let server: Server | null = null;
  let port = options.port ?? 0;

  async function up() {
    const listening = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const entry = { headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
        received.push(entry);
        const answer = respond(entry);
        setTimeout(() => {
          response.writeHead(answer.status, answer.headers);
          response.end("ok");
        }, options.delayMs ?? 0);
      });
    });
    server = listening;
    await new Promise<void>((ready) => listening.listen(port, "127.0.0.1", () => ready()));
    port = (listening.address() as AddressInfo).port;
  }

  async function down() {
    const closing = server;
    server = null;
    if (!closing) return;
    closing.closeAllConnections();
    await new Promise<void>((done) => closing.close(() => done()));
  }

  await up();
  return {
    received,
    get port() {
      return port;
    },
    get url() {
      return `http://127.0.0.1:${port}/hooks`;
    },
    answer(next: typeof respond) {
      respond = next;
    },
    up,
    down,
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
