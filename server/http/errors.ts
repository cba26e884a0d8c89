import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ErrorBody, ErrorCode } from "../../contract/index.ts";
import { ApiError } from "../operations/errors.ts";
import type { AppEnv } from "./env.ts";
import { formatLog } from "./observability.ts";

/** The HTTP status of each contract error code. */
export const statusOf: Record<ErrorCode, number> = {
  invalid_request: 400,
  invalid_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  origin_not_allowed: 403,
  not_found: 404,
  conflict: 409,
  insufficient_points: 422,
  reward_unavailable: 422,
  action_limit: 422,
  raffle_not_open: 422,
  raffle_entry_limit: 422,
  raffle_locked: 422,
  rate_limited: 429,
  refund_exceeds_order: 422,
  currency_mismatch: 422,
  unsupported_locale: 422,
  network_error: 502,
  internal_error: 500,
};

export const errorBody = (code: ErrorBody["error"]["code"], message: string): ErrorBody => ({ error: { code, message } });

/** The one error handler: known errors become `{ error: { code, message } }`; anything else is a logged 500 without details. */
export function onError(error: Error, c: Context<AppEnv>) {
  if (error instanceof ApiError) {
    if (error.retryAfterSeconds !== undefined) c.header("Retry-After", String(error.retryAfterSeconds));
    return c.json(errorBody(error.code, error.message), statusOf[error.code] as 400);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? "payload_too_large" : status === 401 ? "unauthorized" : status === 404 ? "not_found" : "invalid_request";
    return c.json(errorBody(code, error.message || "bad request"), status);
  }
  const config = c.get("config");
  const detail = error.stack ?? error.message;
  config?.log(
    config.logFormat === "json"
      ? formatLog("json", {
          level: "error",
          msg: "unexpected error",
          requestId: c.get("requestId"),
          method: c.req.method,
          path: c.req.path,
          error: detail,
        })
      : `error ${c.req.method} ${c.req.path}: ${detail}`,
  );
  return c.json(errorBody("internal_error", "something went wrong on our side; nothing was changed"), 500);
}
