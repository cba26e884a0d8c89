import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface HostPage {
  /** The page server's origin, e.g. http://127.0.0.1:41234 (another origin than the endpoint's). */
  origin: string;
  /** What the next request for any path answers, with an optional Content-Security-Policy header. */
  serve(html: string, csp?: string): void;
  stop(): Promise<void>;
}

/** A tiny shop page server on its own 127.0.0.1 port. */
export async function startHostPage(): Promise<HostPage> {
  let page = { html: "<!doctype html><title>shop</title>", csp: undefined as string | undefined };
  const server = createServer((request, response) => {
    if (request.url === "/favicon.ico") return response.writeHead(404).end();
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", ...(page.csp ? { "content-security-policy": page.csp } : {}) });
    response.end(page.html);
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    serve: (html, csp) => {
      page = { html, csp };
    },
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A shop page embedding the widget as the contract shows, plus `head` (e.g. the queue snippet) and `body`. */
export function shopPage(options: { endpoint: string; token?: string; extra?: string; head?: string; body?: string; twice?: boolean }) {
  const token = options.token ? ` data-customer-token="${options.token}"` : "";
  const tag = `<script async src="${options.endpoint}/loyalty.js" data-shop="demo"${token} ${options.extra ?? ""}></script>`;
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Tienda</title>${options.head ?? ""}${tag}${options.twice ? tag : ""}</head>
<body><main><h1>Tienda Demo</h1><p>Productos de temporada.</p></main>${options.body ?? ""}</body></html>`;
}
