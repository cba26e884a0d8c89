import type { Campaign } from "../../contract/index.ts";

export interface Window {
  campaign: Campaign;
  startsAt: Date;
  endsAt: Date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock date and time of an instant in a time zone. */
export function wallClock(instant: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) if (part.type !== "literal") parts[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  return { year, month, day, hour, minute, second, weekday };
}

/** The instant at which a time zone's clock shows the given wall time (the earlier one in a DST overlap). */
export function instantAt(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, 0, minutes);
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const wall = wallClock(new Date(guess), timeZone);
    const shown = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
    const next = guess + (asUtc - shown);
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess);
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Every window of every campaign that touches the eight days after `at` (and the one before). */
function windowsAround(campaigns: Campaign[], at: Date, timeZone: string): Window[] {
  const windows: Window[] = [];
  if (campaigns.length === 0) return windows;
  const today = wallClock(at, timeZone);
  for (const campaign of campaigns) {
    if (campaign.kind === "range") {
      windows.push({ campaign, startsAt: new Date(campaign.startsAt), endsAt: new Date(campaign.endsAt) });
      continue;
    }
    for (let offset = -1; offset <= 8; offset++) {
      const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
      const weekday = ((date.getUTCDay() + 6) % 7) + 1;
      if (!campaign.days.includes(weekday)) continue;
      const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      windows.push({
        campaign,
        startsAt: instantAt(y, m, d, minutesOf(campaign.start), timeZone),
        endsAt: instantAt(y, m, d, minutesOf(campaign.end), timeZone),
      });
    }
  }
  return windows;
}

/** The campaign in force at `at`; when several overlap the highest multiplier wins (they never stack). */
export function activeCampaign(campaigns: Campaign[], at: Date, timeZone: string): Window | null {
  let best: Window | null = null;
  for (const window of windowsAround(campaigns, at, timeZone)) {
    if (window.startsAt <= at && at < window.endsAt && (!best || window.campaign.multiplier > best.campaign.multiplier)) best = window;
  }
  return best;
}

/** The next window to open after `at`, within the coming week (or any future date range). */
export function nextCampaign(campaigns: Campaign[], at: Date, timeZone: string): Window | null {
  let best: Window | null = null;
  for (const window of windowsAround(campaigns, at, timeZone)) {
    if (window.startsAt > at && (!best || window.startsAt < best.startsAt)) best = window;
  }
  return best;
}
