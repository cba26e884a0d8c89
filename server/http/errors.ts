import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ErrorBody } from "../../contract/index.ts";
import { ApiError } from "../operations/errors.ts";
import type { AppEnv } from "./env.ts";

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
  c.get("config")?.log(`error ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
  return c.json(errorBody("internal_error", "something went wrong on our side; nothing was changed"), 500);
}
