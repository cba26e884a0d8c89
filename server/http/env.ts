import type { IncomingMessage } from "node:http";
import type { Services, Shop } from "../operations/services.ts";
import type { Metrics } from "./metrics.ts";

export interface AppConfig {
  /** Enables the operator API when set. */
  operatorKey?: string;
  /** Per-IP and per-customer limits on public routes (off for load tests). */
  rateLimit: boolean;
  /** Take the client IP from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  /** The built boot, served at /loyalty.js; the other files of its folder (the panel) are served beside it. */
  widgetFile?: string;
  /** Where the endpoint is reached from browsers, e.g. https://loyalty.example. */
  publicUrl?: string;
  log: (line: string) => void;
  /** `json` writes one JSON object a line (with the request id), for log pipelines; default `text`. */
  logFormat?: "text" | "json";
  /** Enables `GET /metrics` behind this bearer token. */
  metricsToken?: string;
  /** The process's metrics (the app makes its own when absent). */
  metrics?: Metrics;
  /** True while the process shuts down: `/readyz` then says so, so that load balancers stop sending work. */
  isDraining?: () => boolean;
}

export type AppEnv = {
  /** Set by @hono/node-server; absent for requests made in-process (`app.request`). */
  Bindings: { incoming?: IncomingMessage };
  Variables: {
    services: Services;
    config: AppConfig;
    shop: Shop;
    customerId: string | null;
    metrics: Metrics;
    /** The request's id (`X-Request-Id`), in its log lines and its answer. */
    requestId: string;
    /** Why the request's customer token was refused, where a route answers the guest view instead of a 401. */
    tokenRefusal?: string;
  };
};
