import type { ErrorCode } from "../../contract/index.ts";

const statusOf: Record<ErrorCode, number> = {
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

/** An error the caller can act on: it becomes `{ error: { code, message } }` with a fitting status. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.status = statusOf[code];
  }
}
