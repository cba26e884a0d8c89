import { resolve } from "node:path";
import { createServer } from "node:http";
import { openDriver, readEnvironment } from "../config.ts";
import { createListener } from "../http/app.ts";
import { Metrics } from "../http/metrics.ts";
import { formatLog } from "../http/observability.ts";
import { startJobScheduler } from "../operations/scheduler.ts";
import { Services } from "../operations/services.ts";
import { startWebhookDispatcher } from "../operations/webhook-dispatcher.ts";
import { createLogLines } from "./log-lines.ts";

/** Opens storage, applies migrations and starts the endpoint configured by environment (see README). */
export async function startEndpoint(env = readEnvironment()) {
  const driver = await openDriver(env.databaseUrl);
  const applied = await driver.migrate();
  const logFormat = process.env.LOYALTY_LOG_FORMAT === "json" ? "json" : "text";
  const logLines = createLogLines();
  const log = (line: string) => logLines.write(line);
  const services = new Services(driver, {
    webhooks: { allowPrivate: env.webhookAllowPrivate },
    log: (line) => log(formatLog(logFormat, { level: "error", msg: line })),
  });
  const state = { draining: false };
  const metrics = new Metrics(driver);
  const listener = createListener(
    services,
    {
      isDraining: () => state.draining,
      metrics,
      metricsToken: process.env.LOYALTY_METRICS_TOKEN || undefined,
      logFormat,
      operatorKey: env.operatorKey,
      rateLimit: env.rateLimit,
      trustProxy: env.trustProxy,
      publicUrl: env.publicUrl,
      widgetFile: resolve(process.env.LOYALTY_WIDGET_FILE ?? "dist/widget/loyalty.js"),
      log: process.env.LOYALTY_LOG === "0" ? () => {} : log,
    },
    env.host,
  );
  const server = createServer(listener).listen(env.port, env.host);
  const jobs =
    process.env.LOYALTY_JOBS === "0"
      ? null
      : startJobScheduler(services, (line) => log(logFormat === "json" ? formatLog("json", { level: "info", msg: line }) : line), {
          onRun: (report) => metrics.recordJobs(report),
        });
  const dispatcher = process.env.LOYALTY_WEBHOOKS === "0" ? null : startWebhookDispatcher(services, log);
  await new Promise<void>((ready) => server.once("listening", ready));
  const url = `http://${env.host}:${env.port}`;
  log(`loyalty endpoint on ${url} (${driver.dialect}${applied ? `, ${applied} migration(s) applied` : ""})`);
  /**
   * Graceful stop (SIGTERM): stop accepting connections, let requests in flight finish, run no new job, wait for the
   * pending group commit, and close storage; connections still busy at the deadline are cut.
   */
  const stop = async (deadlineMs = env.shutdownTimeoutMs) => {
    state.draining = true;
    const deadline = Date.now() + deadlineMs;
    const closed = new Promise<void>((done) => server.close(() => done()));
    // keep-alive connections go as soon as they are idle, not when the client decides
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => server.closeAllConnections(), Math.max(0, deadline - Date.now()));
    await Promise.all([jobs?.stop(), dispatcher?.stop(), closed]);
    clearInterval(idle);
    clearTimeout(cut);
    await driver.close();
    logLines.flush();
  };
  return { url, services, stop };
}
