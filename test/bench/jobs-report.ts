import { EXPIRY } from "./jobs-counts.ts";
import type { JobFigures, Latencies } from "./jobs-figures.ts";

/** Lines for one job run's figures. */
export function describeJobs(label: string, figures: JobFigures): string[] {
  const count = (n: number) => n.toLocaleString("en");
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const line = (label: string, value: string) => `${label.padEnd(46)} ${value}`;
  const orders = (latency: Latencies) =>
    `p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)}, max ${ms(latency.max)}; worst second's p99 ${ms(latency.worstSecondP99)}; ` +
    `${count(latency.count)} orders (${count(Math.round(latency.rate))}/s)${latency.failed ? `, ${count(latency.failed)} failed` : ""}`;
  const [first, second] = figures.runs;
  const lines = [
    `Jobs with expiry (${EXPIRY.monthsInactive} months, reminder ${EXPIRY.reminderDays} days before), ${label}`,
    line("due before the run", `${count(figures.due.expire)} to expire, ${count(figures.due.remind)} to remind`),
  ];
  if (first)
    lines.push(
      line(
        "first run, POST /v1/operator/jobs/run",
        `${first.finished ? "" : "stopped, unfinished, after "}${first.seconds.toFixed(1)} s (target < 60 s): ` +
          `${count(first.report.expired.customers)} expired (${count(first.report.expired.points)} points), ` +
          `${count(first.report.expiryReminders)} reminders${first.finished ? "" : " by then"}`,
      ),
    );
  if (second)
    lines.push(
      line(
        "second run right after",
        `${second.seconds.toFixed(2)} s, ${count(second.report.expired.customers + second.report.expiryReminders)} things done`,
      ),
    );
  lines.push(
    line(`orders at ${figures.orderRate}/s, no job running`, orders(figures.ordersAlone)),
    line(`orders at ${figures.orderRate}/s during the first run`, `${orders(figures.ordersDuringRun)} (target p99 < 50 ms)`),
    line("endpoint peak RSS", `${figures.peakRssMb.toFixed(0)} MB`),
  );
  return lines;
}
