import type { CampaignWindow } from "../../contract/widget.ts";
import { HOUR } from "../../contract/time.ts";
import type { Words } from "../seam.ts";

// derived here, not imported with HOUR: terser inlines an imported DAY once more, 3 bytes of a budget with 1 to spare
const DAY = 24 * HOUR;

/**
 * Dates, times and durations as the shopper's language writes them (through `Intl`), with the widget's texts. Money is written
 * by the endpoint, in the sentences it sends.
 */
export function createFormats(words: Words) {
  const { locale, t } = words;
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options);
  const date = (iso: string) => format({ dateStyle: "long" }).format(new Date(iso));
  return {
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
     * When a bonus window runs, as the endpoint wrote it in the program's time zone ("Cada martes y jueves, de 15:00 a 17:00"),
     * naming the zone where it is not the shopper's own.
     */
    schedule({ schedule = "", weekly, zoneName }: CampaignWindow) {
      const elsewhere = weekly && zoneName && weekly.timeZone !== Intl.DateTimeFormat().resolvedOptions().timeZone;
      return elsewhere ? `${schedule} ${t("campaign.zone", { zone: zoneName })}` : schedule;
    },
  };
}
export type Formats = ReturnType<typeof createFormats>;
