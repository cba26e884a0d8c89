import type { CampaignWindow, WidgetRaffle, WidgetText, WidgetTexts } from "../../contract/index.ts";

/** A text with its `{name}` placeholders filled (the campaign texts have no plural forms: `other` stands in if one is given). */
function fill(text: WidgetText | undefined, values: Record<string, string>) {
  const template = typeof text === "string" ? text : (text?.other ?? "");
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/**
 * A bonus window's rule in words, in a language and the program's time zone, from that language's texts (with the shop's
 * overrides): "Cada martes y jueves, de 15:00 a 17:00" for a weekly window, "Del 3 de marzo al 9 de marzo" for a date range;
 * and the zone's name ("hora de Europa central"), which the widget adds where the shopper's zone is another.
 */
export function scheduleWords(
  window: CampaignWindow,
  locale: string,
  texts: WidgetTexts,
  timeZone: string,
): Pick<CampaignWindow, "schedule" | "zoneName"> {
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options);
  const weekly = window.weekly;
  if (!weekly) {
    const day = format({ day: "numeric", month: "long", timeZone });
    return {
      schedule: fill(texts["campaign.dates"], { start: day.format(new Date(window.startsAt)), end: day.format(new Date(window.endsAt)) }),
    };
  }
  // the rule's own hours ("15:00", "24:00"), written as the language writes times
  const clock = format({ timeStyle: "short", timeZone: "UTC" });
  const time = (hours: string) => (hours === "24:00" ? hours : clock.format(Date.parse(`2024-01-01T${hours}:00Z`)));
  // ISO weekday d falls on 2024-01-0d (1 January 2024 was a Monday)
  const weekday = format({ weekday: "long", timeZone: "UTC" });
  const days = new Intl.ListFormat(locale).format(weekly.days.map((day) => weekday.format(Date.UTC(2024, 0, day))));
  const zoneName = format({ timeZone: weekly.timeZone, timeZoneName: "longGeneric" })
    .formatToParts(new Date(window.startsAt))
    .find((part) => part.type === "timeZoneName")?.value;
  return {
    schedule: fill(texts["campaign.weekly"], { days, start: time(weekly.start), end: time(weekly.end) }),
    ...(zoneName && { zoneName }),
  };
}

/**
 * Where a raffle stands in words, in a language and the program's time zone, from that language's texts (with the shop's
 * overrides): "Abre el 3 de marzo a las 10:00", "Cierra el 12 de diciembre a las 20:00", "Sorteado el 13 de diciembre a las
 * 9:00", or a closed or cancelled raffle's sentence.
 */
export function raffleWhen(raffle: WidgetRaffle, locale: string, texts: WidgetTexts, timeZone: string): string {
  const dates: Partial<Record<WidgetRaffle["status"], string>> = {
    upcoming: raffle.opensAt,
    open: raffle.closesAt,
    drawn: raffle.drawnAt ?? raffle.closesAt,
  };
  const at = dates[raffle.status];
  const date = at
    ? new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", hour: "numeric", minute: "2-digit", timeZone }).format(new Date(at))
    : "";
  return fill(texts[`raffle.${raffle.status}`], { date });
}
