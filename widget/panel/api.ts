import type { Schema } from "../schema/compact.ts";
import type { PanelHost, Result } from "../seam.ts";

/** The customer token as the endpoint takes it on the panel's requests (they carry custom headers: CORS preflights them). */
const auth = (host: PanelHost) => ({ Authorization: `Bearer ${host.token()}` });

/** A JSON POST (or PUT) with the customer token (and more headers, such as `Idempotency-Key`). */
export const post = (host: PanelHost, path: string, body: unknown, headers: Record<string, string> = {}, method = "POST") =>
  host.request(path, { method, body: JSON.stringify(body), headers: { "Content-Type": "application/json", ...auth(host), ...headers } });

/** A GET with the customer token (the member's ledger). */
export const getAsMember = (host: PanelHost, path: string) => host.request(path, { headers: auth(host) });

/** Failures after which the endpoint may have done it all the same: a retry reuses the attempt's Idempotency-Key. */
export const unknownOutcome = ["network_error", "internal_error", "conflict"];

/** The result, if its answer passes `schema`; an answer that doesn't is a failure (`internal_error`, "bad response"). */
export const checked = <T>(host: PanelHost, result: Result<unknown>, schema: Schema<T>): Result<T> =>
  !result.ok || host.check(schema, result.data) ? (result as Result<T>) : { ok: false, error: { code: "internal_error", message: "bad response" } };
