import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { brotliCompressSync, gzipSync } from "node:zlib";
import type { Context } from "hono";
import { ApiError } from "../operations/errors.ts";
import type { AppEnv } from "./env.ts";

interface Bundle {
  raw: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  etag: string;
}

let bundle: { file: string; value: Bundle } | undefined;

/** Reads and compresses the built bundle once per process. */
function load(file: string): Bundle {
  if (bundle?.file === file) return bundle.value;
  const raw = readFileSync(file);
  const value = {
    raw,
    gzip: gzipSync(raw, { level: 9 }),
    brotli: brotliCompressSync(raw),
    etag: `"${createHash("sha256").update(raw).digest("base64url").slice(0, 16)}"`,
  };
  bundle = { file, value };
  return value;
}

/** GET /loyalty.js: the widget, compressed, cached by browsers and CDNs for a day and revalidated by ETag. */
export function serveWidget(c: Context<AppEnv>) {
  const file = c.get("config").widgetFile;
  let value: Bundle;
  try {
    if (!file) throw new Error("no widget file configured");
    value = load(file);
  } catch {
    throw new ApiError("not_found", "the widget is not built: run npm run build");
  }
  c.header("Content-Type", "text/javascript; charset=utf-8");
  c.header("Cache-Control", "public, max-age=86400, stale-while-revalidate=604800");
  c.header("ETag", value.etag);
  c.header("Vary", "Accept-Encoding");
  c.header("Access-Control-Allow-Origin", "*");
  c.header("Cross-Origin-Resource-Policy", "cross-origin");
  if (c.req.header("if-none-match") === value.etag) return c.body(null, 304);
  const accepts = c.req.header("accept-encoding") ?? "";
  if (/\bbr\b/.test(accepts)) {
    c.header("Content-Encoding", "br");
    return c.body(new Uint8Array(value.brotli));
  }
  if (/\bgzip\b/.test(accepts)) {
    c.header("Content-Encoding", "gzip");
    return c.body(new Uint8Array(value.gzip));
  }
  return c.body(new Uint8Array(value.raw));
}
