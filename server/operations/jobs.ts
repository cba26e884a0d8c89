import { randomBytes } from "node:crypto";
import type { JobReport } from "../../contract/index.ts";
import { actionPeriod, birthdayIn } from "../domain/actions.ts";
import { DAY, wallClock } from "../../contract/time.ts";
import { expiresAt, expiryCutoff, judgeExpiry, reminderCutoff } from "../domain/expiry.ts";
import { fingerprint } from "../domain/secrets.ts";
import { actions, birthdays, customers, events, expiryScan, jobState, ledger } from "../storage/repository.ts";
import { shops } from "../storage/shops.ts";
import { awardAction, ownActionId } from "./actions.ts";
import { redactShopIfRequested } from "./connectors/shopify.ts";
import { forgetOldErasures } from "./erasure-events.ts";
import { deliverDue } from "./webhook-dispatcher.ts";
import { settleRaffles } from "./raffle-draws.ts";
import type { Services, Shop } from "./services.ts";

/**
 * Customers handled per transaction: small enough that an order never waits long behind a job (SQLite has one writer),
 * large enough that a million customers take seconds, not minutes.
 */
const BATCH = 200;
/** Birthdays of days the jobs did not run on (the endpoint was down) are caught up, this many days back at most. */
const BIRTHDAY_CATCH_UP_DAYS = 7;

const emptyReport = (): JobReport => ({
  pendingReleased: { customers: 0, points: 0 },
  expiryReminders: 0,
  expired: { customers: 0, points: 0 },
  birthdays: 0,
  webhooks: { delivered: 0, retrying: 0, failed: 0 },
  raffles: { drawn: 0, refundedEntries: 0, refundedPoints: 0 },
});

/**
 * Runs every job that is due now, for every shop: pending points whose return window closed are released, balances of
 * members inactive for too long expire (after a `points.expiring` reminder), birthdays earn, raffles past their closesAt are
 * drawn and cancelled raffles' entries refunded. Each thing is done once
 * even when several processes run the jobs at once: every change happens under the customer's row lock, after checking
 * that it is still due.
 */
export async function runDueJobs(services: Services, stopping: () => boolean = () => false): Promise<JobReport> {
  const report = emptyReport();
  for (const { id } of await shops.ids(services.driver.read)) {
    // a process shutting down finishes the batch in hand and starts no more: the next run picks up where this one stopped
    if (stopping()) break;
    const shop = await services.shops.require(id);
    await releasePending(services, shop, report, stopping);
    if (shop.program.expiry) await expireBalances(services, shop, report, stopping);
    if ((shop.program.actions ?? []).some((action) => action.kind === "birthday")) await awardBirthdays(services, shop, report, stopping);
    await redactShopIfRequested(services, shop);
    // also for raffles no longer in the program: a cancelled one's refunds still happen
    await settleRaffles(services, shop, report);
  }
  // webhook retries that fell due (and anything the dispatcher has not sent yet), then erased ids no longer needed
  report.webhooks = await deliverDue(services);
  await forgetOldErasures(services);
  return report;
}

async function releasePending(services: Services, shop: Shop, report: JobReport, stopping: () => boolean) {
  const now = services.now();
  while (!stopping()) {
    const due = await ledger.dueForRelease(services.driver.read, shop.id, now, BATCH);
    if (due.length === 0) return;
    const releasedAny = await services.driver.transaction(async (tx) => {
      let customersReleased = 0;
      for (const { customer_id } of due) {
        await customers.get(tx, shop.id, customer_id, true);
        // zero when another process released them first: nothing happens twice
        const points = await ledger.releasePending(tx, shop.id, customer_id, now);
        report.pendingReleased.points += points;
        if (points !== 0) customersReleased++;
      }
      report.pendingReleased.customers += customersReleased;
      return customersReleased > 0;
    });
    if (due.length < BATCH || !releasedAny) return;
  }
}

interface ExpiryCursor {
  at: number;
  id: string;
}

/**
 * Visits each customer once per inactivity period, in order of their latest earning (a keyset cursor per shop and job),
 * so a run costs what changed since the last one, not the whole customer table.
 */
async function expireBalances(services: Services, shop: Shop, report: JobReport, stopping: () => boolean) {
  const rule = shop.program.expiry;
  if (!rule) return;
  const now = services.now();
  // reminders first: their window reaches further; a customer already past expiry gets no reminder, only the expiry
  await sweep(services, shop, { job: "expiry-reminders", cutoff: reminderCutoff(rule, now), now, stopping }, report);
  await sweep(services, shop, { job: "expiry", cutoff: expiryCutoff(rule, now), now, stopping }, report);
}

async function sweep(
  services: Services,
  shop: Shop,
  run: { job: "expiry" | "expiry-reminders"; cutoff: number; now: number; stopping: () => boolean },
  report: JobReport,
) {
  const rule = shop.program.expiry;
  if (!rule) return;
  const { job, cutoff, now } = run;
  let cursor = (await jobState.get<ExpiryCursor>(services.driver.read, shop.id, job)) ?? { at: -1, id: "" };
  while (!run.stopping()) {
    const batch = await expiryScan.candidates(services.driver.read, shop.id, cursor, cutoff, BATCH);
    if (batch.length === 0) return;
    const last = batch[batch.length - 1];
    if (!last) return;
    const next = { at: Number(last.last_earned_at), id: last.id };
    await services.driver.transaction(async (tx) => {
      for (const { id } of batch) {
        const customer = await customers.get(tx, shop.id, id, true);
        if (!customer || customer.erased_at !== null) continue;
        const verdict = judgeExpiry(rule, {
          balance: customer.balance,
          lastEarnedAt: customer.last_earned_at,
          expiredThrough: customer.expired_through,
          remindedThrough: customer.reminded_through,
          now,
        });
        const lastEarnedAt = Number(customer.last_earned_at);
        const data = { customerId: id, points: customer.balance, marketingConsent: customer.marketing_consent === 1 };
        if (verdict === "remind" && job === "expiry-reminders") {
          await expiryScan.markReminded(tx, shop.id, id, lastEarnedAt);
          const at = new Date(expiresAt(rule, lastEarnedAt)).toISOString();
          await events.record(tx, { shopId: shop.id, type: "points.expiring", customerId: id, data: { ...data, expiresAt: at }, at: now });
          report.expiryReminders++;
        } else if (verdict === "expire" && job === "expiry") {
          await expiryScan.markExpired(tx, shop.id, id, lastEarnedAt);
          await ledger.append(tx, {
            shopId: shop.id,
            customerId: id,
            kind: "expiry",
            points: -customer.balance,
            causeType: "expiry",
            causeId: `ex_${randomBytes(12).toString("base64url")}`,
            at: now,
          });
          await events.record(tx, { shopId: shop.id, type: "points.expired", customerId: id, data, at: now });
          report.expired.customers++;
          report.expired.points += customer.balance;
        }
      }
      await jobState.set(tx, shop.id, job, next, now);
    });
    cursor = next;
    if (batch.length < BATCH) return;
  }
}

/** The local days (`YYYY-MM-DD`, program's time zone) from the day after the last one processed up to today. */
function daysToProcess(last: string | undefined, now: number, timeZone: string): { date: string; year: number; month: number; day: number }[] {
  const days = [];
  for (let back = BIRTHDAY_CATCH_UP_DAYS - 1; back >= 0; back--) {
    const { year, month, day } = wallClock(new Date(now - back * DAY), timeZone);
    const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (!last || date > last) days.push({ date, year, month, day });
  }
  // the first run starts today: birthdays before the program had the action are not owed
  return last ? days : days.slice(-1);
}

async function awardBirthdays(services: Services, shop: Shop, report: JobReport, stopping: () => boolean) {
  const action = (shop.program.actions ?? []).find((candidate) => candidate.kind === "birthday");
  if (!action) return;
  const now = services.now();
  const timeZone = shop.program.timeZone;
  const last = await jobState.get<string>(services.driver.read, shop.id, "birthdays");
  for (const day of daysToProcess(last, now, timeZone)) {
    if (stopping()) return;
    const mmdd = (month: number, date: number) => `${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
    const shown = [mmdd(day.month, day.day)];
    // 29 February birthdays are celebrated on the 28th in other years
    if (day.month === 2 && day.day === 28 && birthdayIn("2000-02-29", day.year).day === 28) shown.push("02-29");
    let after = "";
    for (;;) {
      if (stopping()) return; // the day is not marked done: the next run does it again, and finds who is already served
      const batch = await birthdays.on(services.driver.read, shop.id, shown, after, BATCH);
      if (batch.length === 0) break;
      after = batch[batch.length - 1]?.id ?? after;
      await services.driver.transaction(async (tx) => {
        for (const { id } of batch) {
          await customers.get(tx, shop.id, id, true);
          // once a year, whatever the action's limit says: a second run of the same day must find it done
          const thisYear = actionPeriod("year", now, timeZone);
          if ((await actions.countIn(tx, shop.id, id, action.id, thisYear)) > 0) continue;
          const recordId = ownActionId("birthday");
          await awardAction(tx, shop, { recordId, customerId: id, action, occurredAt: now, now, hash: fingerprint({ birthday: day.date }) }).then(
            () => report.birthdays++,
            (error: unknown) => {
              // past the action's limit (a marketer's choice): no birthday points this year
              if (!(error instanceof Error && "code" in error && error.code === "action_limit")) throw error;
            },
          );
        }
      });
      if (batch.length < BATCH) break;
    }
    await services.driver.transaction((tx) => jobState.set(tx, shop.id, "birthdays", day.date, now));
  }
}
