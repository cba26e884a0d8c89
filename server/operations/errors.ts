import type { ErrorCode } from "../../contract/index.ts";

/**
 * An error the caller can act on, named by its contract code; the HTTP layer turns it into `{ error: { code, message } }` with
 * a status and headers (server/http/errors.ts). `retryAfterSeconds`: when trying again may work (rate limits).
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
