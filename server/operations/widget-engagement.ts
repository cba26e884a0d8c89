import { createHash } from "node:crypto";
import type { Announcement, WidgetAnnouncement, WidgetCustomer, WidgetPayload, WidgetRaffle } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import type { Queries } from "../storage/driver.ts";
import { feedback } from "../storage/feedback.ts";
import { raffleEntries, raffles } from "../storage/raffles.ts";
import type { CustomerRow } from "../storage/repository.ts";
import { FEEDBACK_WINDOW_DAYS } from "./feedback.ts";
import { definitionOf, statusOf } from "./raffle-terms.ts";
import type { Services, Shop } from "./services.ts";

/** A finished raffle (drawn or cancelled) stays in the widget this long, so that members see how it ended. */
const FINISHED_SHOWN_DAYS = 30;
const iso = (ms: number) => new Date(ms).toISOString();

/** Changes when an announcement's words or dates do: the widget's "new" dot compares it with the one it saw last. */
const revisionOf = (announcement: Announcement) => createHash("sha256").update(JSON.stringify(announcement)).digest("base64url").slice(0, 12);

/**
 * Contract 7.4's part of the program in the widget's payload: the raffles to show (upcoming, open, or finished lately) with
 * their commitment and, once drawn, their seed and winning entry; and the announcements current now. `until` is the next
 * moment this changes by the clock (a draw or a cancellation changes the shop's configuration version instead). One indexed
 * query, and only for a program with raffles.
 */
export async function programEngagement(
  services: Services,
  shop: Shop,
  now: number,
): Promise<{ fields: Pick<WidgetPayload["program"], "raffles" | "announcements">; until: number }> {
  let until = Number.POSITIVE_INFINITY;
  const later = (at: number) => {
    if (at > now && at < until) until = at;
  };
  const announcements: WidgetAnnouncement[] = [];
  for (const announcement of shop.program.announcements ?? []) {
    const startsAt = Date.parse(announcement.startsAt);
    const endsAt = Date.parse(announcement.endsAt);
    later(startsAt);
    later(endsAt);
    if (startsAt <= now && now < endsAt) announcements.push({ ...announcement, revision: revisionOf(announcement) });
  }
  const shown: WidgetRaffle[] = [];
  if (shop.program.raffles?.length) {
    const rows = new Map((await raffles.ofShop(services.driver.read, shop.id)).map((row) => [row.id, row]));
    for (const { id } of shop.program.raffles) {
      const row = rows.get(id);
      if (!row) continue;
      const finishedAt = row.drawn_at ?? row.cancelled_at;
      later(row.opens_at);
      later(row.closes_at);
      if (finishedAt !== null) {
        later(finishedAt + FINISHED_SHOWN_DAYS * DAY);
        if (finishedAt + FINISHED_SHOWN_DAYS * DAY <= now) continue;
      }
      const { title, prize, entryCost, maxEntriesPerCustomer, opensAt, closesAt } = definitionOf(row);
      const raffle: WidgetRaffle = {
        id,
        title,
        prize,
        entryCost,
        maxEntriesPerCustomer,
        opensAt,
        closesAt,
        status: statusOf(row, now),
        commitment: row.commitment,
      };
      if (row.status === "drawn") {
        raffle.seed = row.seed;
        if (row.winner_entry_id) raffle.winningEntryId = row.winner_entry_id;
        if (row.drawn_at !== null) raffle.drawnAt = iso(row.drawn_at);
      }
      shown.push(raffle);
    }
  }
  return { fields: { ...(shown.length && { raffles: shown }), ...(announcements.length && { announcements }) }, until };
}

/**
 * Contract 7.4's part of the member in the payload: their entries in the program's raffles (and the prize code if they won),
 * the order to ask "how was it?" about (programs with a `feedback` action), and when they last changed their consent. At most
 * two indexed queries, each only when the program has what it is for.
 */
export async function customerEngagement(
  read: Queries,
  shop: Shop,
  row: CustomerRow,
  now: number,
): Promise<Pick<WidgetCustomer, "raffles" | "feedbackRequest" | "marketingConsentAt">> {
  const part: Pick<WidgetCustomer, "raffles" | "feedbackRequest" | "marketingConsentAt"> = {};
  if (row.marketing_consent_at !== null) part.marketingConsentAt = iso(Number(row.marketing_consent_at));
  const raffleIds = (shop.program.raffles ?? []).map((raffle) => raffle.id);
  if (raffleIds.length) {
    const byRaffle = new Map<string, NonNullable<WidgetCustomer["raffles"]>[number]>();
    for (const entry of await raffleEntries.ofCustomer(read, shop.id, row.id, raffleIds)) {
      let mine = byRaffle.get(entry.raffle_id);
      if (!mine) {
        mine = { raffleId: entry.raffle_id, entryIds: [], won: false };
        byRaffle.set(entry.raffle_id, mine);
      }
      mine.entryIds.push(entry.id);
      if (entry.winner_entry_id === entry.id) {
        mine.won = true;
        if (entry.prize_code && entry.prize_expires_at !== null) mine.prizeCode = { code: entry.prize_code, expiresAt: iso(entry.prize_expires_at) };
      }
    }
    part.raffles = [...byRaffle.values()];
  }
  if ((shop.program.actions ?? []).some((action) => action.kind === "feedback")) {
    const latest = await feedback.latestOrder(read, shop.id, row.id, now - FEEDBACK_WINDOW_DAYS * DAY);
    part.feedbackRequest = latest && latest.rated === null ? { orderId: latest.id, placedAt: iso(latest.placed_at) } : null;
  }
  return part;
}
