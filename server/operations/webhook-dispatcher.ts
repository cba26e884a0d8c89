import { randomBytes } from "node:crypto";
import { nextAttemptAt, signatureHeader } from "../domain/webhooks.ts";
import { type ClaimedDelivery, deliveries, erasureEvents } from "../storage/webhooks.ts";
import type { Services } from "./services.ts";
import { postWebhook } from "./webhook-transport.ts";

/** Deliveries sent at once by one process. */
const PARALLEL = 8;
/** A claim outlives the longest attempt (10 s timeout) with room to spare; a process killed mid-delivery frees it then. */
const CLAIM_MS = 15_000;

export interface DispatchReport {
  delivered: number;
  retrying: number;
  failed: number;
}

/** The body Standard Webhooks defines: `{ type, timestamp, data }`, the same bytes on every attempt of a message. */
export const messageBody = (delivery: Pick<ClaimedDelivery, "type" | "data" | "event_created_at">) =>
  `{"type":${JSON.stringify(delivery.type)},"timestamp":${JSON.stringify(new Date(Number(delivery.event_created_at)).toISOString())},"data":${delivery.data}}`;

async function attempt(services: Services, delivery: ClaimedDelivery, claim: string, report: DispatchReport) {
  const now = services.now();
  const timestamp = Math.floor(now / 1000);
  const body = messageBody(delivery);
  const secrets = [delivery.secret];
  if (delivery.previous_secret && delivery.previous_valid_until !== null && Number(delivery.previous_valid_until) > now)
    secrets.push(delivery.previous_secret);
  const outcome = await postWebhook(
    delivery.url,
    {
      "webhook-id": delivery.message_id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signatureHeader(secrets, delivery.message_id, timestamp, body),
    },
    body,
    services.webhookPolicy,
  );
  const delivered = outcome.error === null;
  const at = services.now();
  const next = delivered ? null : nextAttemptAt(Number(delivery.attempts) + 1, at);
  await services.driver.transaction(async (tx) => {
    const settled = await deliveries.settle(
      tx,
      { id: Number(delivery.id), claim },
      { at, status: outcome.status, error: outcome.error, delivered, nextAttemptAt: next },
    );
    // an erased customer's id is kept only until every webhook has the customer.erased message
    if (settled && delivered && delivery.type === "customer.erased") await erasureEvents.forgetIfDelivered(tx, Number(delivery.event_id));
  });
  if (delivered) report.delivered++;
  else if (next === null) report.failed++;
  else report.retrying++;
}

/**
 * Sends every delivery that is due now (new messages and retries whose time has come), `PARALLEL` at a time, until none is
 * left. Each is claimed first, so several processes (or the dispatcher and a job run) never make the same attempt at once.
 */
export async function deliverDue(services: Services): Promise<DispatchReport> {
  const report: DispatchReport = { delivered: 0, retrying: 0, failed: 0 };
  for (;;) {
    const now = services.now();
    if (!(await deliveries.anyDue(services.driver.read, now))) break;
    const claim = randomBytes(12).toString("base64url");
    const batch = await deliveries.claim(services.driver, now, now + CLAIM_MS, claim, PARALLEL);
    if (batch.length === 0) break;
    await Promise.all(batch.map((delivery) => attempt(services, delivery, claim, report)));
  }
  return report;
}

/**
 * The dispatcher loop of a process: looks for due deliveries every `intervalMs` (half a second by default), so a message
 * goes out about as soon as the change that caused it is committed, and its retries when they fall due.
 */
export function startWebhookDispatcher(services: Services, log: (line: string) => void, intervalMs = 500) {
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    running = deliverDue(services)
      .then((report) => {
        if (report.failed) log(`webhooks: ${report.failed} deliver${report.failed === 1 ? "y" : "ies"} failed for good after every retry`);
      })
      .catch((error: unknown) => log(`webhooks: dispatch failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(tick, intervalMs);
        timer?.unref();
      });
  };
  timer = setTimeout(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
