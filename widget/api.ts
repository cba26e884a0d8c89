import { z } from "zod/mini";
import { type ErrorCode, ErrorBody } from "../contract/common.ts";
import { ActivityPage, Redemption, ReferralWelcome, WidgetPayload } from "../contract/widget.ts";

// zod's object fast path probes `new Function`, which a strict CSP reports as a violation.
z.config({ jitless: true });

export interface ApiError {
  code: ErrorCode;
  message: string;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export interface Endpoint {
  api: string;
  shop: string;
  token?: string;
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
    return failure("network_error", "the loyalty endpoint could not be reached");
  }
  if (response.ok) {
    const parsed = schema.safeParse(body);
    return parsed.success ? { ok: true, data: parsed.data } : failure("internal_error", "unexpected response from the loyalty endpoint");
  }
  const error = ErrorBody.safeParse(body);
  return error.success ? { ok: false, error: error.data.error } : failure("internal_error", `HTTP ${response.status}`);
}

const base = (endpoint: Endpoint) => `${endpoint.api}/v1/shops/${encodeURIComponent(endpoint.shop)}/`;
const auth = (endpoint: Endpoint): Record<string, string> => ({ Authorization: `Bearer ${endpoint.token}` });
const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});

/** The boot request: no custom headers (the token travels as ?token=), so no CORS preflight. */
export const fetchPayload = (endpoint: Endpoint, signal?: AbortSignal) =>
  call(WidgetPayload, `${base(endpoint)}widget${endpoint.token ? `?token=${encodeURIComponent(endpoint.token)}` : ""}`, {}, signal);

/** Spends points for a reward; a retry with the same key answers the same code. */
export const redeemReward = (endpoint: Endpoint, rewardId: string, idempotencyKey: string) =>
  call(Redemption, `${base(endpoint)}redemptions`, post({ rewardId }, { ...auth(endpoint), "Idempotency-Key": idempotencyKey }));

export const recordReferralVisit = (endpoint: Endpoint, code: string) => call(ReferralWelcome, `${base(endpoint)}referral-visits`, post({ code }));

export const fetchActivity = (endpoint: Endpoint, cursor: string | null) =>
  call(ActivityPage, `${base(endpoint)}activity?limit=20${cursor ? `&cursor=${cursor}` : ""}`, { headers: auth(endpoint) });
