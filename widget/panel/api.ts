import type { PanelHost } from "../seam.ts";

/** The customer token as the endpoint takes it on the panel's requests (they carry custom headers: CORS preflights them). */
const auth = (host: PanelHost) => ({ Authorization: `Bearer ${host.token()}` });

/** A JSON POST (or PUT) with the customer token (and more headers, such as `Idempotency-Key`). */
export const post = (host: PanelHost, path: string, body: unknown, headers: Record<string, string> = {}, method = "POST") =>
  host.request(path, { method, body: JSON.stringify(body), headers: { "Content-Type": "application/json", ...auth(host), ...headers } });

/** A GET with the customer token (the member's ledger). */
export const getAsMember = (host: PanelHost, path: string) => host.request(path, { headers: auth(host) });
