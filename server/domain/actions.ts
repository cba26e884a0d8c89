import type { EarningAction } from "../../contract/index.ts";
import { instantAt, wallClock } from "../../contract/time.ts";

/** The calendar period (in the program's time zone) that an action done at `at` counts in; `ever` is all time. */
export function actionPeriod(per: EarningAction["limit"]["per"], at: number, timeZone: string): { start: number; end: number } {
  if (per === "ever") return { start: Number.MIN_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER };
  const { year, month, day } = wallClock(new Date(at), timeZone);
  const start =
    per === "year"
      ? instantAt(year, 1, 1, 0, timeZone)
      : per === "month"
        ? instantAt(year, month, 1, 0, timeZone)
        : instantAt(year, month, day, 0, timeZone);
  const end =
    per === "year"
      ? instantAt(year + 1, 1, 1, 0, timeZone)
      : per === "month"
        ? instantAt(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1, 0, timeZone)
        : instantAt(year, month, day + 1, 0, timeZone);
  return { start: start.getTime(), end: end.getTime() };
}

/** Whether one more action of this kind may earn, as a check with its reason (the limit's count in its period). */
export function judgeAction(action: EarningAction, doneInPeriod: number): { earns: true } | { earns: false; reason: "action_limit" } {
  if (doneInPeriod >= action.limit.count) return { earns: false, reason: "action_limit" };
  return { earns: true };
}

/** The month and day a birthday falls on in a given year: 29 February is celebrated on the 28th in other years. */
export function birthdayIn(birthday: string, year: number): { month: number; day: number } {
  const month = Number(birthday.slice(5, 7));
  const day = Number(birthday.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && day === 29 && !leap ? { month: 2, day: 28 } : { month, day };
}
