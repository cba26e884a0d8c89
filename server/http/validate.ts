import { createMiddleware } from "hono/factory";
import type { z } from "zod/mini";
import { ApiError } from "../operations/errors.ts";
import type { AppEnv } from "./env.ts";

type Schema = z.ZodMiniType;

/** Describes zod issues in one readable line: `subtotal: a decimal string such as 59.90; channel: ...`. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
    .join("; ");
}

/** Parses `value` with a contract schema or throws a 400 that says what is wrong. */
export function parseOrThrow<S extends Schema>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError("invalid_request", describeIssues(parsed.error.issues));
  return parsed.data as z.output<S>;
}

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a request body of at most MAX_BODY_BYTES, from Node's own request when there is one (no
 * web Request is built on that path), or else from the web Request.
 */
async function readBody(c: { env?: AppEnv["Bindings"]; req: { header(name: string): string | undefined; raw: Request } }): Promise<string> {
  const tooLarge = () => new ApiError("payload_too_large", `request bodies are limited to ${MAX_BODY_BYTES} bytes`);
  if (Number(c.req.header("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const source = (c.env?.incoming ?? c.req.raw.body ?? []) as AsyncIterable<Uint8Array>;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Middleware: the JSON body, checked against a contract schema, as `c.get("body")`. */
export function jsonBody<S extends Schema>(schema: S) {
  return createMiddleware<AppEnv & { Variables: { body: z.output<S> } }>(async (c, next) => {
    const type = c.req.header("content-type") ?? "";
    if (!/^application\/(.+\+)?json\b/i.test(type)) throw new ApiError("unsupported_media_type", "send the body as application/json");
    const text = await readBody(c);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError("invalid_json", "the body is not valid JSON");
    }
    c.set("body", parseOrThrow(schema, value));
    await next();
  });
}

/** Middleware: the query string, checked against a contract schema, as `c.get("query")`. */
export function queryOf<S extends Schema>(schema: S) {
  return createMiddleware<{ Variables: { query: z.output<S> } }>(async (c, next) => {
    c.set("query", parseOrThrow(schema, c.req.query()));
    await next();
  });
}
