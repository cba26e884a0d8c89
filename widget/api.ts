import type { ErrorCode } from "../contract/common.ts";
import { matches } from "./schema/check.ts";
import type { Schema } from "./schema/compact.ts";
import { schemas } from "./schema/contract.ts";
import { $setup } from "./stores/setup.ts";

export interface ApiError {
  /** One of the contract's error codes, or a newer one. */
  code: ErrorCode | (string & {});
  message: string;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

const failure = (code: ErrorCode, message: string): { ok: false; error: ApiError } => ({ ok: false, error: { code, message } });

interface Options {
  /** Makes it a JSON POST. */
  body?: unknown;
  /** Headers besides the customer token, which goes along whenever there are headers. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * One request to the shop's endpoint (`path` under /v1/shops/{shop}/).
 * Network failures, error bodies and unexpected shapes all become a typed failure.
 */
async function call<T>(schema: Schema<T>, path: string, { body, headers, signal }: Options = {}): Promise<Result<T>> {
  const { api, shop, token } = $setup.get();
  let response: Response;
  let json: unknown;
  try {
    response = await fetch(`${api}/v1/shops/${encodeURIComponent(shop)}/${path}`, {
      credentials: "omit",
      signal,
      ...(body ? { method: "POST", body: JSON.stringify(body) } : {}),
      headers: { ...(body ? { "Content-Type": "application/json" } : {}), ...(headers ? { Authorization: `Bearer ${token}`, ...headers } : {}) },
    });
    json = await response.json();
  } catch {
    return failure("network_error", "unreachable");
  }
  if (response.ok) return matches(schema, json) ? { ok: true, data: json } : failure("internal_error", "bad response");
  return matches(schemas.ErrorBody, json) ? { ok: false, error: json.error } : failure("internal_error", `HTTP ${response.status}`);
}

const query = (value?: string) => encodeURIComponent(value ?? "");

/**
 * The boot request: no custom headers (the token travels as ?token=), so no CORS preflight. It asks for texts in the first of
 * data-locale, <html lang> and the browser's language that the endpoint has; else it answers in the shop's default.
 */
export function fetchPayload(signal: AbortSignal) {
  const { data, token } = $setup.get();
  const locale = [data.locale, document.documentElement.lang, navigator.language].filter((tag) => tag).join();
  return call(schemas.WidgetPayload, `widget?locale=${query(locale)}${token ? `&token=${query(token)}` : ""}`, { signal });
}

/** Spends points for a reward; a retry with the same key answers the same code. */
export const redeemReward = (rewardId: string, key: string) =>
  call(schemas.Redemption, "redemptions", { body: { rewardId }, headers: { "Idempotency-Key": key } });

export const recordReferralVisit = (code: string) => call(schemas.ReferralWelcome, "referral-visits", { body: { code } });

export const fetchActivity = (cursor: string | null) =>
  call(schemas.ActivityPage, `activity?limit=20${cursor ? `&cursor=${cursor}` : ""}`, { headers: {} });
