import type { ErrorCode } from "../contract/common.ts";
import { matches } from "./schema/check.ts";
import type { Schema } from "./schema/compact.ts";
import { schemas } from "./schema/contract.ts";

export interface ApiError {
  code: ErrorCode;
  message: string;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export interface Endpoint {
  api: string;
  shop: string;
  token?: string;
  data: DOMStringMap;
}

const failure = (code: ErrorCode, message: string): { ok: false; error: ApiError } => ({ ok: false, error: { code, message } });

/** One request: network failures, error bodies and unexpected shapes all become a typed failure. */
async function call<T>(schema: Schema<T>, url: string, init: RequestInit = {}, signal?: AbortSignal): Promise<Result<T>> {
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(url, { ...init, credentials: "omit", signal });
    body = await response.json();
  } catch {
    return failure("network_error", "endpoint unreachable");
  }
  if (response.ok) return matches(schema, body) ? { ok: true, data: body } : failure("internal_error", "unexpected response");
  return matches(schemas.ErrorBody, body) ? { ok: false, error: body.error } : failure("internal_error", `HTTP ${response.status}`);
}

const base = (endpoint: Endpoint) => `${endpoint.api}/v1/shops/${encodeURIComponent(endpoint.shop)}/`;
const auth = (endpoint: Endpoint): Record<string, string> => ({ Authorization: `Bearer ${endpoint.token}` });
const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});

/**
 * The boot request: no custom headers (the token travels as ?token=), so no CORS preflight. It asks for texts in the first of
 * data-locale, <html lang> and the browser's language that the endpoint has; else it answers the shop's default.
 */
export const fetchPayload = (endpoint: Endpoint, signal?: AbortSignal) =>
  call(
    schemas.WidgetPayload,
    `${base(endpoint)}widget?locale=${encodeURIComponent([endpoint.data.locale, document.documentElement.lang, navigator.language].filter((tag) => tag).join())}${endpoint.token ? `&token=${encodeURIComponent(endpoint.token)}` : ""}`,
    {},
    signal,
  );

/** Spends points for a reward; a retry with the same key answers the same code. */
export const redeemReward = (endpoint: Endpoint, rewardId: string, idempotencyKey: string) =>
  call(schemas.Redemption, `${base(endpoint)}redemptions`, post({ rewardId }, { ...auth(endpoint), "Idempotency-Key": idempotencyKey }));

export const recordReferralVisit = (endpoint: Endpoint, code: string) =>
  call(schemas.ReferralWelcome, `${base(endpoint)}referral-visits`, post({ code }));

export const fetchActivity = (endpoint: Endpoint, cursor: string | null) =>
  call(schemas.ActivityPage, `${base(endpoint)}activity?limit=20${cursor ? `&cursor=${cursor}` : ""}`, { headers: auth(endpoint) });
