import { existsSync, readFileSync } from "node:fs";
import { dirname, extname, join, normalize, resolve } from "node:path";
import type { Context } from "hono";
import { Hono } from "hono";
import { ApiError } from "../../operations/errors.ts";
import type { AppEnv } from "../env.ts";
import { previewCss, previewPageRoutes } from "./preview.ts";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/** The built console sits beside the built widget (dist/console next to dist/widget). */
const consoleDir = (c: Context<AppEnv>) => {
  const widgetFile = c.get("config").widgetFile;
  return widgetFile ? resolve(dirname(widgetFile), "../console") : resolve("dist/console");
};

const files = new Map<string, Buffer>();
function read(file: string): Buffer | null {
  let content = files.get(file);
  if (!content) {
    if (!existsSync(file)) return null;
    content = readFileSync(file);
    files.set(file, content);
  }
  return content;
}

const csp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; frame-ancestors 'none'; form-action 'self'";

function sendApp(c: Context<AppEnv>) {
  const html = read(join(consoleDir(c), "index.html"));
  if (!html) throw new ApiError("not_found", "the console is not built: run npm run build");
  c.header("Content-Type", types[".html"]);
  c.header("Cache-Control", "no-cache");
  c.header("Content-Security-Policy", csp);
  c.header("X-Frame-Options", "DENY");
  c.header("Referrer-Policy", "same-origin");
  return c.body(new Uint8Array(html));
}

/** GET /console...: the console's single-page app, its hashed assets, and the preview page. */
export const consolePages = new Hono<AppEnv>()
  .get("/preview.css", (c) => {
    c.header("Content-Type", types[".css"]);
    return c.body(previewCss);
  })
  .route("/preview", previewPageRoutes)
  .get("/assets/:file", (c) => {
    const name = normalize(c.req.param("file"));
    if (name.includes("/") || name.includes("\\") || name.startsWith(".")) throw new ApiError("not_found", "no such file");
    const content = read(join(consoleDir(c), "assets", name));
    if (!content) throw new ApiError("not_found", "no such file");
    c.header("Content-Type", types[extname(name)] ?? "application/octet-stream");
    // file names carry a content hash
    c.header("Cache-Control", "public, max-age=31536000, immutable");
    return c.body(new Uint8Array(content));
  })
  .get("/", sendApp)
  .get("/*", sendApp);
