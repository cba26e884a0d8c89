import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { openDriver, readEnvironment } from "../config.ts";
import { createApp } from "../http/app.ts";
import { startJobScheduler } from "../operations/scheduler.ts";
import { Services } from "../operations/services.ts";
import { startWebhookDispatcher } from "../operations/webhook-dispatcher.ts";

/** Opens storage, applies migrations and starts the endpoint configured by environment (see README). */
export async function startEndpoint(env = readEnvironment()) {
  const driver = await openDriver(env.databaseUrl);
  const applied = await driver.migrate();
  const services = new Services(driver, { webhooks: { allowPrivate: env.webhookAllowPrivate } });
  const app = createApp(services, {
    operatorKey: env.operatorKey,
    rateLimit: env.rateLimit,
    trustProxy: env.trustProxy,
    publicUrl: env.publicUrl,
    widgetFile: resolve(process.env.LOYALTY_WIDGET_FILE ?? "dist/widget/loyalty.js"),
    log: process.env.LOYALTY_LOG === "0" ? () => {} : (line) => console.log(line),
  });
  const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host });
  const jobs = process.env.LOYALTY_JOBS === "0" ? null : startJobScheduler(services, (line) => console.log(line));
  const dispatcher = process.env.LOYALTY_WEBHOOKS === "0" ? null : startWebhookDispatcher(services, (line) => console.log(line));
  await new Promise<void>((ready) => server.once("listening", ready));
  const url = `http://${env.host}:${env.port}`;
  console.log(`loyalty endpoint on ${url} (${driver.dialect}${applied ? `, ${applied} migration(s) applied` : ""})`);
  const stop = async () => {
    await jobs?.stop();
    await dispatcher?.stop();
    await new Promise<void>((done) => server.close(() => done()));
    await driver.close();
  };
  return { url, services, stop };
}
