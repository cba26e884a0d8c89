import { DAY } from "../../contract/time.ts";

/** `at` moved by whole calendar months (UTC), the day clamped to the month's length: 31 March + 1 month = 30 April. */
export function addMonths(at: number, months: number): number {
  const date = new Date(at);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

export interface ExpiryRule {
  monthsInactive: number;
  reminderDays: number;
}

/** When a balance expires: `monthsInactive` months after the latest earning. */
export const expiresAt = (rule: ExpiryRule, lastEarnedAt: number) => addMonths(lastEarnedAt, rule.monthsInactive);

/** The latest earning that has expired by `now` (earnings at or before it have). */
export const expiryCutoff = (rule: ExpiryRule, now: number) => addMonths(now, -rule.monthsInactive);

/** The latest earning whose expiry is within the reminder window of `now`. */
export const reminderCutoff = (rule: ExpiryRule, now: number) => addMonths(now + rule.reminderDays * DAY, -rule.monthsInactive);

/** What a customer's expiry job does, as checks with their reasons (after the customer's row is locked). */
export function judgeExpiry(
  rule: ExpiryRule,
  facts: { balance: number; lastEarnedAt: number | null; expiredThrough: number | null; remindedThrough: number | null; now: number },
): "expire" | "remind" | "nothing" {
  if (facts.balance <= 0 || facts.lastEarnedAt === null) return "nothing";
  const due = expiresAt(rule, facts.lastEarnedAt);
  if (due <= facts.now) return facts.expiredThrough !== null && facts.expiredThrough >= facts.lastEarnedAt ? "nothing" : "expire";
  if (due - rule.reminderDays * DAY <= facts.now)
    return facts.remindedThrough !== null && facts.remindedThrough >= facts.lastEarnedAt ? "nothing" : "remind";
  return "nothing";
}
