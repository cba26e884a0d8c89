import type { JobReport } from "../../contract/index.ts";
import { runDueJobs } from "./jobs.ts";
import type { Services } from "./services.ts";

/** How often the endpoint runs its due jobs by itself. */
export const JOB_INTERVAL_MS = 60_000;

/**
 * Runs the due jobs about every minute (with a little jitter, so that several processes spread out), one run at a time.
 * A failed run is logged and tried again at the next tick. `stop` lets a run in progress finish its batch, then waits for it.
 */
export function startJobScheduler(
  services: Services,
  log: (line: string) => void,
  options: { interval?: number; onRun?: (report: JobReport | null) => void } = {},
) {
  const interval = options.interval ?? JOB_INTERVAL_MS;
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runDueJobs(services, () => stopped)
      .then((report) => {
        options.onRun?.(report);
        const did =
          report.pendingReleased.customers +
          report.expiryReminders +
          report.expired.customers +
          report.birthdays +
          report.raffles.drawn +
          report.raffles.refundedEntries;
        if (did) log(`jobs: ${JSON.stringify(report)}`);
      })
      .catch((error: unknown) => {
        options.onRun?.(null);
        log(`jobs failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, Math.round(Math.random() * 5_000));
  const timer = setInterval(tick, interval + Math.round(Math.random() * 5_000));
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
