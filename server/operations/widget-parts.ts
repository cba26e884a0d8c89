import type { CampaignWindow, Reward, WidgetCustomer, WidgetPayload, WidgetTexts } from "../../contract/index.ts";
import { activeCampaign, nextCampaign, type Window } from "../../contract/rules/campaigns.ts";
import { DAY } from "../../contract/time.ts";
import { referralCode } from "../domain/codes.ts";
import { expiresAt } from "../domain/expiry.ts";
import { raffleWhen, scheduleWords } from "../domain/schedule-words.ts";
import { createWords, type Words } from "../../contract/words.ts";
import { nextTier, rewardProgress, rewardsFor, tierFor } from "../domain/progress.ts";
import { codes, type CustomerRow, customers, ledger } from "../storage/repository.ts";
import { isLauncherText, textsRevision, widgetTexts } from "../texts/index.ts";
import { toActivity } from "./customers.ts";
import type { Services, Shop } from "./services.ts";
import { customerEngagement, programEngagement } from "./widget-engagement.ts";
import type { MemberView } from "./widget-views.ts";

// The serialised pieces the widget's answers (full payload, boot, panel) are made of, each cached where it can be.

const RECENT_ACTIVITY = 5;
/** Unused reward codes shown in the member's wallet, newest first. */
const WALLET_SIZE = 20;
/** A kept member view is redrawn at least this often, so that points ageing out of the tier window show. */
const VIEW_TTL = 60_000;

export type PayloadProgram = WidgetPayload["program"];

const BEYOND_ASCII = /[\u0080-\uffff]/g;
const escaped = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * JSON text with every character beyond ASCII written as its `\uXXXX` escape, as JSON allows (such a character can only be
 * inside a string). The boot answer is made of such pieces only: its length is then its size in bytes, and it goes out as it
 * is held, without being measured and encoded again on every request. One "€" in a member's view would otherwise make the
 * whole answer a string of two bytes a character, widened, measured and encoded for each of the widget's most asked requests.
 */
export function asciiJson(json: string): string {
  // copied through Latin-1, it is held at one byte a character: V8 keeps a replaced (or sliced) string at two bytes a
  // character when its source had them, though each now fits in one, and two-byte pieces make a two-byte answer
  return Buffer.from(json.replace(BEYOND_ASCII, escaped), "latin1").toString("latin1");
}

/**
 * The language of the texts: the first requested one (`es-MX` counts as `es`; a comma-separated list is tried in order) that the
 * widget has texts for, else the shop's default, else Spanish.
 */
export function textLocale(shop: Shop, requested = ""): string {
  // the widget asks for one of its own languages, as the answer named it: the boot request's usual case
  if (Object.hasOwn(widgetTexts, requested)) return requested;
  for (const tag of [...requested.split(","), shop.defaultLocale]) {
    const language = tag.trim().split("-")[0]?.toLowerCase() ?? "";
    if (Object.hasOwn(widgetTexts, language)) return language;
  }
  return "es";
}

interface LocaleParts {
  /** Every text of the widget, the locale's text overrides merged in. */
  texts: WidgetTexts;
  /** Those texts as sentences are written with them, in the locale's name for points. */
  words: Words;
  /** `,"theme":…,"locale":…,"texts":{…}`: the full payload's part for this locale. */
  payloadTail: string;
  /** The same with the launcher's texts only: the boot's part. */
  bootTail: string;
}

/** A shop's words in one locale, kept until its configuration changes (a new `Shop` object). */
const shopLocales = new WeakMap<Shop, Map<string, LocaleParts>>();

/** The theme with the locale's program words (launcher label, program name, points name) in place, and the locale's texts. */
export function localeParts(shop: Shop, locale: string): LocaleParts {
  let byLocale = shopLocales.get(shop);
  if (!byLocale) {
    byLocale = new Map();
    shopLocales.set(shop, byLocale);
  }
  let parts = byLocale.get(locale);
  if (!parts) {
    const { texts: overrides, ...words } = shop.theme.locales[locale] ?? {};
    const texts: WidgetTexts = { ...widgetTexts[locale], ...overrides };
    const launcherTexts = Object.fromEntries(Object.entries(texts).filter(([key]) => isLauncherText(key)));
    const theme = { ...shop.theme, ...words };
    const pointsName = words.pointsName ?? shop.theme.pointsName;
    const language = `,"locale":${JSON.stringify(locale)}`;
    parts = {
      texts,
      words: createWords(locale, texts, pointsName),
      payloadTail: `,"theme":${JSON.stringify(theme)}${language},"texts":${JSON.stringify(texts)}`,
      // the boot answer's theme has this language's words in place and no other's: the widget reads no `locales` (about a
      // third of the answer's bytes otherwise, more with the shop's text overrides)
      bootTail: `,"theme":${JSON.stringify({ ...theme, locales: {} })}${language},"texts":${JSON.stringify(launcherTexts)}`,
    };
    byLocale.set(locale, parts);
  }
  return parts;
}

/** The panel's cache key: the shop's configuration version and the shipped texts' revision. */
export const panelVersion = (shop: Shop) => `${shop.version}.${textsRevision}`;

function toWindow(window: Window | null, timeZone: string): CampaignWindow | null {
  if (!window) return null;
  const { campaign } = window;
  const shown: CampaignWindow = {
    id: campaign.id,
    name: campaign.name,
    multiplier: campaign.multiplier,
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
  };
  // a weekly window says its rule too, so the widget can write "every Tuesday 15:00–17:00" in the program's time zone
  if (campaign.kind === "weekly") shown.weekly = { days: campaign.days, start: campaign.start, end: campaign.end, timeZone };
  return shown;
}

/** The serialised parts of a shop's answers, kept until its configuration changes or a campaign boundary passes. */
export interface ShopParts {
  until: number;
  program: PayloadProgram;
  /** `{"id":…,"name":…,…}`: the shop as the widget sees it. */
  shopJson: string;
  /** `{"active":…,"next":…}` as the boot answer has it in one language: with each window's rule in words. */
  campaignsJson(locale: string): string;
  /** `,"raffles":[…],"announcements":[…]` as the boot answer has them in one language (raffles in words), or "" when none. */
  engagementJson(locale: string): string;
  /** `{"shop":...,"program":` … per tier (rewards differ by tier), guests under "". */
  heads: Map<string, string>;
  /** The guest answers' ETags per view and locale: they cover program, theme and texts (the minute is added per request). */
  guestEtags: Map<string, string>;
  /** The boot answer per locale, around the customer and the clock (see `bootAround`). */
  boots: Map<string, BootAround>;
}
const shopParts = new WeakMap<Shop, ShopParts>();

/** A shop's boot answer in one language around what differs per request: the customer, and the clock's value; ASCII (`asciiJson`). */
export interface BootAround {
  locale: string;
  /** `{"shop":…,"theme":…,"texts":…,"campaigns":…`, raffles and announcements included. */
  head: string;
  /** `,"panel":{"version":…},"now":"`: the clock's value and `"}` close the answer. */
  tail: string;
}

/** A shop's parts while they hold, without waiting: the requests between two changes of the shop or its campaigns. */
export const keptParts = (shop: Shop, now: number): ShopParts | undefined => {
  const kept = shopParts.get(shop);
  return kept && now < kept.until ? kept : undefined;
};

export async function partsOf(services: Services, shop: Shop, now: number): Promise<ShopParts> {
  const cached = keptParts(shop, now);
  if (cached) return cached;
  const { program } = shop;
  // raffles and announcements (contract 7.4), in the full payload
  const engagement = await programEngagement(services, shop, now);
  const active = activeCampaign(program.campaigns, new Date(now), program.timeZone);
  const next = nextCampaign(program.campaigns, new Date(now), program.timeZone);
  const view: PayloadProgram = {
    pointsPerUnit: program.earning.pointsPerUnit,
    channels: program.earning.channels,
    rewards: rewardsFor(program.rewards, null),
    tiers: program.tiers,
    tierWindowDays: program.tierWindowDays,
    referral: program.referral.enabled ? { referrerPoints: program.referral.referrerPoints, friendOffer: program.referral.friendOffer } : null,
    campaigns: { active: toWindow(active, program.timeZone), next: toWindow(next, program.timeZone) },
    links: program.links,
    summary: program.summary,
    ...(program.actions?.length && { actions: program.actions }),
    ...(program.pending && { pending: program.pending }),
    ...(program.expiry && { expiry: program.expiry }),
    ...engagement.fields,
  };
  const shopJson = JSON.stringify({ id: shop.id, name: shop.name, currency: shop.currency, defaultLocale: shop.defaultLocale });
  const heads = new Map<string, string>();
  const campaignsByLocale = new Map<string, string>();
  const engagementByLocale = new Map<string, string>();
  for (const tier of [null, ...program.tiers]) {
    const rewards = tier ? rewardsFor(program.rewards, tier) : view.rewards;
    heads.set(tier?.id ?? "", `{"shop":${shopJson},"program":${JSON.stringify({ ...view, rewards })}`);
  }
  const parts: ShopParts = {
    until: Math.min(now + 60_000, active?.endsAt.getTime() ?? Infinity, next?.startsAt.getTime() ?? Infinity, engagement.until),
    program: view,
    shopJson,
    campaignsJson: (locale) => {
      let json = campaignsByLocale.get(locale);
      if (json === undefined) {
        const { texts } = localeParts(shop, locale);
        const inWords = (window: CampaignWindow | null) => window && { ...window, ...scheduleWords(window, locale, texts, program.timeZone) };
        json = JSON.stringify({ active: inWords(view.campaigns.active), next: inWords(view.campaigns.next) });
        campaignsByLocale.set(locale, json);
      }
      return json;
    },
    engagementJson: (locale) => {
      let json = engagementByLocale.get(locale);
      if (json === undefined) {
        const { texts, words } = localeParts(shop, locale);
        const { raffles, announcements } = engagement.fields;
        const inWords = raffles?.map((raffle) => ({
          ...raffle,
          when: raffleWhen(raffle, locale, texts, program.timeZone),
          terms: words.t("raffle.terms", { prize: words.text(raffle.prize), points: raffle.entryCost, max: raffle.maxEntriesPerCustomer }),
        }));
        json = JSON.stringify({ raffles: inWords, announcements }).slice(1, -1);
        json &&= `,${json}`;
        engagementByLocale.set(locale, json);
      }
      return json;
    },
    heads,
    guestEtags: new Map(),
    boots: new Map(),
  };
  shopParts.set(shop, parts);
  return parts;
}

/** "N points expire on <date>", once the date is within the program's reminder window (at least a week). */
function expiryNotice(shop: Shop, row: CustomerRow, now: number): WidgetCustomer["expiry"] {
  const rule = shop.program.expiry;
  if (!rule || row.last_earned_at === null || row.balance <= 0) return null;
  const at = expiresAt(rule, Number(row.last_earned_at));
  return at - now <= Math.max(rule.reminderDays, 7) * DAY ? { points: row.balance, at: new Date(at).toISOString() } : null;
}

async function customerView(services: Services, shop: Shop, customerId: string, now: number): Promise<{ json: string; tierId: string }> {
  // tier points as `tierPointsOf` counts them now: orders may be placed up to a day ahead
  const tierWindow = { since: now - shop.program.tierWindowDays * DAY, until: now + DAY };
  const row = await customers.snapshot(services.driver.read, shop.id, customerId, tierWindow);
  if (!row) throw new Error(`customer ${customerId} vanished`);
  const tierPoints = Number(row.tier_points);
  const tier = tierFor(shop.program.tiers, tierPoints);
  const next = nextTier(shop.program.tiers, tierPoints);
  const rewards = rewardsFor(shop.program.rewards, tier);
  // the dearest reward within reach: what the launcher and home offer first
  const ready = rewards.filter((reward) => reward.cost <= row.balance).sort((a, b) => b.cost - a.cost)[0] ?? null;
  const recent = await ledger.page(services.driver.read, shop.id, customerId, RECENT_ACTIVITY);
  const wallet = await codes.walletOf(services.driver.read, shop.id, customerId, now, WALLET_SIZE);
  const activity = recent.map(toActivity);
  // the soonest of the recent entries' pending dates: when the next pending points join the balance
  const pendingUntil = activity
    .map((entry) => entry.pendingUntil ?? "")
    .filter(Boolean)
    .sort()[0];
  const customer: WidgetCustomer = {
    balance: row.balance,
    pending: Number(row.pending),
    ...(pendingUntil && { pendingUntil }),
    expiry: expiryNotice(shop, row, now),
    tier: tier && { id: tier.id, name: tier.name, multiplier: tier.multiplier },
    tierPoints,
    nextTier: next && { id: next.tier.id, name: next.tier.name, missing: next.missing },
    ...rewardProgress(rewards, row.balance),
    readyReward: ready && { rewardId: ready.id, cost: ready.cost, title: ready.title },
    ordersCount: Number(row.orders_count),
    referral: { code: row.referral_code, visits: Number(row.visits), friendsOrdered: Number(row.friends), pointsEarned: Number(row.referral_points) },
    activity,
    wallet: wallet.map((code) => ({ code: code.code, reward: JSON.parse(code.offer) as Reward, expiresAt: new Date(code.expires_at).toISOString() })),
    marketingConsent: row.marketing_consent === 1,
    ...(await customerEngagement(services.driver.read, shop, row, now)),
  };
  return { json: asciiJson(JSON.stringify(customer)), tierId: tier?.id ?? "" };
}

/** Nobody has committed anything since the kept view was checked (SQLite): it still holds, without asking the customer's row. */
function heldSinceChecked(shop: Shop, kept: MemberView, counter: number | undefined, now: number): boolean {
  return counter !== undefined && kept.checkedAt === counter && kept.shopVersion === shop.version && now - kept.at <= VIEW_TTL;
}

/** The member's view when it holds without asking storage (`memberView`'s first step), without waiting; else undefined. */
export function keptView(services: Services, shop: Shop, customerId: string, now: number): MemberView | undefined {
  const kept = services.widgetViews.get(shop.id, customerId);
  return kept && heldSinceChecked(shop, kept, services.driver.changeCounter?.(), now) ? kept : undefined;
}

/**
 * The member's own state as JSON (`WidgetCustomer`) and their tier: one indexed lookup when it has not changed. The app keeps
 * the rendered views (Services.widgetViews), checked on every request against the customer's `version` (bumped in the same
 * transaction as every change), so a kept view is never stale across processes. A token never seen before gets a customer
 * row and a referral code, once.
 */
export async function memberView(services: Services, shop: Shop, customerId: string, now: number): Promise<{ json: string; tierId: string }> {
  // read before the check: a commit after it changes the counter, and the next request checks again
  const counter = services.driver.changeCounter?.();
  const kept = services.widgetViews.get(shop.id, customerId);
  if (kept && heldSinceChecked(shop, kept, counter, now)) return kept;
  // on PostgreSQL the versions the requests of one turn ask for are read in one statement; SQLite answers each at once
  let current =
    services.driver.dialect === "postgres"
      ? await services.versionChecks.versionOf(shop.id, customerId)
      : await customers.versionOf(services.driver.read, shop.id, customerId);
  if (!current) current = await services.driver.transaction((tx) => customers.ensure(tx, shop.id, customerId, now, referralCode));
  let view = kept;
  if (
    !view ||
    view.version !== current.version ||
    view.createdAt !== current.created_at ||
    view.shopVersion !== shop.version ||
    now - view.at > VIEW_TTL
  ) {
    const fresh = await customerView(services, shop, customerId, now);
    view = { version: current.version, createdAt: current.created_at, shopVersion: shop.version, at: now, ...fresh };
    services.widgetViews.set(shop.id, customerId, view);
  }
  view.checkedAt = counter;
  return view;
}
