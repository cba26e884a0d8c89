import { DAY } from "../contract/time.ts";

/** "martes 15:00–17:00" (or "martes 23:00 – miércoles 01:00"): a campaign window in the shop's time zone, in the console's language. */
export function describeWindow(window: { startsAt: string; endsAt: string }, timeZone: string, locale: string): string {
  const day = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone });
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  const date = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone });
  const starts = new Date(window.startsAt);
  const ends = new Date(window.endsAt);
  const sameDay = date.format(starts) === date.format(ends);
  const soon = ends.getTime() - Date.now() < 7 * DAY;
  const start = `${day.format(starts)}${soon ? "" : ` ${date.format(starts)}`} ${time.format(starts)}`;
  return sameDay ? `${start}–${time.format(ends)}` : `${start} – ${day.format(ends)} ${soon ? "" : `${date.format(ends)} `}${time.format(ends)}`;
}

/** A date, with its time unless `only` says "date"; in the shop's time zone when given (analytics' days are the shop's days). */
export const formatDate = (iso: string, locale: string, only?: "date", timeZone?: string) =>
  new Intl.DateTimeFormat(locale, only ? { dateStyle: "medium", timeZone } : { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(iso),
  );
/** "3 mar": a day of a chart's axis (a `YYYY-MM-DD` date, read as that calendar day). */
export const formatDay = (date: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
/** "1,2 mil", "12K": a number short enough for an axis. */
export const formatCompact = (value: number, locale: string) => new Intl.NumberFormat(locale, { notation: "compact" }).format(value);
/** "59,90 €": a decimal string of the shop's currency. */
export const formatMoney = (amount: string, currency: string, locale: string) =>
  new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(amount));
/** "hace 3 minutos", "3 minutes ago". */
export function formatAgo(iso: string, locale: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ] as const)
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(seconds, "second");
}
export const formatNumber = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);
export const formatPercent = (value: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
