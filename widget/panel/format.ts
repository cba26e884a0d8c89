import type { CampaignWindow } from "../../contract/widget.ts";
import type { Words } from "../seam.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Money, dates, times and durations as the shopper's language writes them (all through `Intl`), with the widget's texts. */
export function createFormats(words: Words, currency: string) {
  const { locale, t } = words;
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options);
  const date = (iso: string) => format({ dateStyle: "long" }).format(new Date(iso));
  return {
    /** "5 €", "5,50 €". */
    money(amount: string | number) {
      const value = Number(amount);
      const digits = Number.isInteger(value) ? 0 : 2;
      return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
        value,
      );
    },
    /** "10 %" in Spanish, "10%" in English. */
    percent: (value: number) => new Intl.NumberFormat(locale, { style: "percent" }).format(value / 100),
    date,
    /** "2 días y 3 h", "1 h 20 min", "12 min" until `end`. */
    timeLeft(end: string, now: number) {
      const left = Math.max(60_000, Date.parse(end) - now);
      const hours = Math.floor((left % DAY) / HOUR);
      if (left >= DAY) return t("time.days", { count: Math.floor(left / DAY), hours });
      const minutes = Math.ceil((left % HOUR) / 60_000);
      return hours ? t("time.hours", { hours, minutes }) : t("time.minutes", { minutes });
    },
    /**
     * When a bonus window runs, in the program's time zone: "Cada martes y jueves, de 15:00 a 17:00" for a weekly one,
     * "Del 3 de marzo al 9 de marzo" for a date range; the zone is named when it is not the shopper's own.
     */
    schedule(window: CampaignWindow) {
      const weekly = window.weekly;
      if (!weekly) {
        const day = format({ day: "numeric", month: "long" });
        return t("campaign.dates", { start: day.format(new Date(window.startsAt)), end: day.format(new Date(window.endsAt)) });
      }
      const timeZone = weekly.timeZone;
      // the rule's own hours ("15:00", "24:00"), written as the language writes times
      const clock = format({ timeStyle: "short", timeZone: "UTC" });
      const time = (hours: string) => (hours === "24:00" ? hours : clock.format(Date.parse(`2024-01-01T${hours}:00Z`)));
      // ISO weekday d falls on 2024-01-0d (1 January 2024 was a Monday)
      const weekday = format({ weekday: "long", timeZone: "UTC" });
      const days = new Intl.ListFormat(locale).format(weekly.days.map((day) => weekday.format(Date.UTC(2024, 0, day))));
      const rule = t("campaign.weekly", { days, start: time(weekly.start), end: time(weekly.end) });
      if (timeZone === Intl.DateTimeFormat().resolvedOptions().timeZone) return rule;
      const zone = format({ timeZone, timeZoneName: "longGeneric" })
        .formatToParts(new Date(window.startsAt))
        .find((part) => part.type === "timeZoneName")?.value;
      return zone ? `${rule} ${t("campaign.zone", { zone })}` : rule;
    },
  };
}
export type Formats = ReturnType<typeof createFormats>;
