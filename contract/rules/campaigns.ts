import type { Campaign } from "../program.ts";
import { instantAt, wallClock } from "../time.ts";

export interface Window {
  campaign: Campaign;
  startsAt: Date;
  endsAt: Date;
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
