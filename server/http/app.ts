import type { RequestListener } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { z } from "zod";
import { ApiError } from "../operations/errors.ts";
import type { Services } from "../operations/services.ts";
import { backend } from "./backend.ts";
import { withBootLane } from "./boot-lane.ts";
import { consentPublicRoutes } from "./consent.ts";
import { consoleApi, consolePages } from "./console/index.ts";
import { openApiDocument } from "./docs.ts";
import type { AppConfig, AppEnv } from "./env.ts";
import { errorBody, onError } from "./errors.ts";
import { feedbackBackendRoutes, feedbackPublicRoutes } from "./feedback.ts";
import { Metrics } from "./metrics.ts";
import { recordAnswered, requestIdOf, serveMetrics, serveReadiness } from "./observability.ts";
import { operator } from "./operator.ts";
import { publicRoutes } from "./public.ts";
import { raffleBackendRoutes, rafflePublicRoutes } from "./raffles.ts";
import { connectorRoutes, connectRoutes } from "./connectors.ts";
import { importRoutes } from "./imports.ts";
import { webhookRoutes } from "./webhooks.ts";
import { serveWidgetFile } from "./widget-file.ts";

// Readable English messages for validation errors (zod/mini ships none by default).
z.config(z.locales.en());

/** The endpoint as a Hono app: one sub-app per audience, one error handler, no listening socket. */
export function createApp(services: Services, config: AppConfig) {
  const app = new Hono<AppEnv>();
  const metrics = config.metrics ?? new Metrics(services.driver);
  app.use(async (c, next) => {
    c.set("services", services);
    c.set("config", config);
    c.set("metrics", metrics);
    const requestId = requestIdOf(c.req.header("x-request-id"));
    c.set("requestId", requestId);
    // set before the response exists: changing a finished response's headers would rebuild it as a stream
    c.header("X-Content-Type-Options", "nosniff");
    c.header("X-Request-Id", requestId);
    const started = performance.now();
    await next();
    const route = c.req.routePath && c.req.routePath !== "/*" ? c.req.routePath : null;
    // The route, not the path: customer ids (often emails) and codes stay out of logs, and a boot request's ?token= too.
    const path = route ? route.replace(":shop", c.req.param("shop") ?? ":shop") : c.req.path;
    const seconds = (performance.now() - started) / 1000;
    recordAnswered(config, metrics, { requestId, method: c.req.method, route, path, status: c.res.status, seconds });
  });

  app.get("/healthz", (c) => c.json({ ok: true, storage: services.driver.dialect }));
  app.get("/readyz", serveReadiness);
  app.get("/metrics", serveMetrics);
  app.get("/loyalty.js", serveWidgetFile);
  app.get("/:file{loyalty-panel-[\\w-]+\\.js}", serveWidgetFile);
  app.get("/v1/openapi.json", (c) => c.json(openApiDocument(config.publicUrl)));
  app.route("/v1/operator", operator);
  app.route("/v1/shops", publicRoutes);
  // contract 7.4: raffles, post-purchase feedback, consent
  app.route("/v1/shops", rafflePublicRoutes);
  app.route("/v1/shops", feedbackPublicRoutes);
  app.route("/v1/shops", consentPublicRoutes);
  app.route("/v1", raffleBackendRoutes);
  app.route("/v1", feedbackBackendRoutes);
  app.route("/v1/console", consoleApi());
  app.route("/console", consolePages);
  app.route("/v1/webhooks", webhookRoutes);
  app.route("/v1/imports", importRoutes);
  app.route("/v1/connectors", connectorRoutes);
  app.route("/v1/connect", connectRoutes);
  app.route("/v1", backend);

  app.notFound((c) => c.json(errorBody("not_found", `no route ${c.req.method} ${c.req.path}`), 404));
  app.onError(onError);
  return app;
}

/**
 * The endpoint as Node's request listener: the app, and beside it the lane that answers a member's boot request without the
 * app's per-request objects (see boot-lane.ts). `hostname` stands for a request's missing Host header.
 */
export function createListener(services: Services, config: AppConfig, hostname?: string): RequestListener {
  const metrics = config.metrics ?? new Metrics(services.driver);
  const app = createApp(services, { ...config, metrics });
  return withBootLane(getRequestListener(app.fetch, { hostname }), services, config, metrics);
}

export { ApiError };
