/** "martes 15:00–17:00" (or "martes 23:00 – miércoles 01:00"): a campaign window in the shop's time zone, in the console's language. */
export function describeWindow(window: { startsAt: string; endsAt: string }, timeZone: string, locale: string): string {
  const day = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone });
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  const date = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone });
  const starts = new Date(window.startsAt);
  const ends = new Date(window.endsAt);
  const sameDay = date.format(starts) === date.format(ends);
  const soon = ends.getTime() - Date.now() < 7 * 86_400_000;
  const start = `${day.format(starts)}${soon ? "" : ` ${date.format(starts)}`} ${time.format(starts)}`;
  return sameDay ? `${start}–${time.format(ends)}` : `${start} – ${day.format(ends)} ${soon ? "" : `${date.format(ends)} `}${time.format(ends)}`;
}

export const formatDate = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
export const formatNumber = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);
export const formatPercent = (value: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
