import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ErrorBody } from "../../contract/index.ts";
import { ApiError } from "../operations/errors.ts";
import type { AppEnv } from "./env.ts";
import { formatLog } from "./observability.ts";

export const errorBody = (code: ErrorBody["error"]["code"], message: string): ErrorBody => ({ error: { code, message } });

/** The one error handler: known errors become `{ error: { code, message } }`; anything else is a logged 500 without details. */
export function onError(error: Error, c: Context<AppEnv>) {
  if (error instanceof ApiError) {
    if (error.code === "rate_limited") c.header("Retry-After", error.message.match(/\d+/)?.[0] ?? "60");
    return c.json(errorBody(error.code, error.message), error.status as 400);
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
