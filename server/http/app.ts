import { Hono } from "hono";
import { z } from "zod";
import { ApiError } from "../operations/errors.ts";
import type { Services } from "../operations/services.ts";
import { backend } from "./backend.ts";
import { consoleApi, consolePages } from "./console/index.ts";
import { openApiDocument } from "./docs.ts";
import type { AppConfig, AppEnv } from "./env.ts";
import { errorBody, onError } from "./errors.ts";
import { operator } from "./operator.ts";
import { publicRoutes } from "./public.ts";
import { serveWidgetFile } from "./widget-file.ts";

// Readable English messages for validation errors (zod/mini ships none by default).
z.config(z.locales.en());

/** The endpoint as a Hono app: one sub-app per audience, one error handler, no listening socket. */
export function createApp(services: Services, config: AppConfig) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("services", services);
    c.set("config", config);
    // set before the response exists: changing a finished response's headers would rebuild it as a stream
    c.header("X-Content-Type-Options", "nosniff");
    const started = performance.now();
    await next();
    // The path only: a boot request's ?token= must never reach a log.
    config.log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
  });

  app.get("/healthz", (c) => c.json({ ok: true, storage: services.driver.dialect }));
  app.get("/loyalty.js", serveWidgetFile);
  app.get("/:file{loyalty-panel-[\\w-]+\\.js}", serveWidgetFile);
  app.get("/v1/openapi.json", (c) => c.json(openApiDocument(config.publicUrl)));
  app.route("/v1/operator", operator);
  app.route("/v1/shops", publicRoutes);
  app.route("/v1/console", consoleApi());
  app.route("/console", consolePages);
  app.route("/v1", backend);

  app.notFound((c) => c.json(errorBody("not_found", `no route ${c.req.method} ${c.req.path}`), 404));
  app.onError(onError);
  return app;
}

export { ApiError };
