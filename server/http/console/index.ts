import { Hono } from "hono";
import { SignInLimiter } from "../../operations/console/sign-in-limiter.ts";
import type { AppEnv } from "../env.ts";
import { analyticsRoutes } from "./analytics.ts";
import { customerRoutes } from "./customers.ts";
import { feedbackRoutes } from "./feedback.ts";
import { installRoutes } from "./install.ts";
import { auditRoutes, marketerRoutes } from "./marketers.ts";
import { consoleImportRoutes, consoleWebhookRoutes } from "./integrations.ts";
import { previewApi } from "./preview.ts";
import { programRoutes } from "./program.ts";
import { raffleRoutes } from "./raffles.ts";
import { sameOriginWrites } from "./session.ts";
import { linkRoutes, sessionRoutes } from "./session-routes.ts";
import { themeRoutes } from "./theme.ts";

export { consolePages } from "./pages.ts";

/** The console's JSON API (mounted at /v1/console): one sub-app per resource, all writes same-origin only, each route behind its least role. */
export function consoleApi() {
  const limiter = new SignInLimiter();
  return new Hono<AppEnv>()
    .use(sameOriginWrites)
    .route("/session", sessionRoutes(limiter))
    .route("/links", linkRoutes(limiter))
    .route("/marketers", marketerRoutes)
    .route("/audit", auditRoutes)
    .route("/theme", themeRoutes)
    .route("/program", programRoutes)
    .route("/customers", customerRoutes)
    .route("/install", installRoutes)
    .route("/analytics", analyticsRoutes)
    .route("/preview", previewApi)
    .route("/webhooks", consoleWebhookRoutes)
    .route("/imports", consoleImportRoutes)
    .route("/raffles", raffleRoutes)
    .route("/feedback", feedbackRoutes);
}
