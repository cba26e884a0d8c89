import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import type { Context } from "hono";
import { ApiError } from "../operations/errors.ts";
import type { AppEnv } from "./env.ts";

interface WidgetFile {
  raw: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  etag: string;
}

/** The built widget's files the endpoint serves: the boot, and the panel under its content-hashed name. */
const servable = /^loyalty(?:-panel-[\w-]+)?\.js$/;
/** The boot's name never changes, so it is kept briefly; a panel's name changes with its content, so it is kept for good. */
const BOOT_CACHE = "public, max-age=300";
const HASHED_CACHE = "public, max-age=31536000, immutable";

let loaded: { dir: string; files: Map<string, WidgetFile> } | undefined;

/** Reads and compresses every servable file of the widget's folder once per process (the allow-list is what the build wrote). */
function filesIn(dir: string): Map<string, WidgetFile> {
  if (loaded?.dir === dir) return loaded.files;
  const files = new Map<string, WidgetFile>();
  for (const name of readdirSync(dir).filter((entry) => servable.test(entry))) {
    const raw = readFileSync(join(dir, name));
    files.set(name, {
      raw,
      gzip: gzipSync(raw, { level: 9 }),
      brotli: brotliCompressSync(raw),
      etag: `"${createHash("sha256").update(raw).digest("base64url").slice(0, 16)}"`,
    });
  }
  loaded = { dir, files };
  return files;
}

/**
 * GET /loyalty.js and GET /loyalty-panel-<hash>.js: the widget's files, compressed, revalidated by ETag. Readable from any
 * origin (`Access-Control-Allow-Origin: *`): the panel is an ES module, and browsers fetch module scripts in CORS mode.
 */
export function serveWidgetFile(c: Context<AppEnv>) {
  const bootFile = c.get("config").widgetFile;
  const name = basename(c.req.path);
  let file: WidgetFile | undefined;
  try {
    if (!bootFile) throw new Error("no widget file configured");
    file = servable.test(name) ? filesIn(dirname(bootFile)).get(name) : undefined;
  } catch {
    throw new ApiError("not_found", "the widget is not built: run npm run build");
  }
  if (!file) throw new ApiError("not_found", `no widget file ${name}`);
  c.header("Content-Type", "text/javascript; charset=utf-8");
  c.header("Cache-Control", name === "loyalty.js" ? BOOT_CACHE : HASHED_CACHE);
  c.header("ETag", file.etag);
  c.header("Vary", "Accept-Encoding");
  c.header("Access-Control-Allow-Origin", "*");
  c.header("Cross-Origin-Resource-Policy", "cross-origin");
  if (c.req.header("if-none-match") === file.etag) return c.body(null, 304);
  const accepts = c.req.header("accept-encoding") ?? "";
  if (/\bbr\b/.test(accepts)) {
    c.header("Content-Encoding", "br");
    return c.body(new Uint8Array(file.brotli));
  }
  if (/\bgzip\b/.test(accepts)) {
    c.header("Content-Encoding", "gzip");
    return c.body(new Uint8Array(file.gzip));
  }
  return c.body(new Uint8Array(file.raw));
}
