import { createHash } from "node:crypto";
import type { WidgetPanel, WidgetPayload } from "../../contract/index.ts";
import { programWords } from "../domain/program-words.ts";
import {
  asciiJson,
  type BootAround,
  keptParts,
  keptView,
  localeParts,
  memberView,
  panelVersion,
  partsOf,
  type ShopParts,
  textLocale,
} from "./widget-parts.ts";
import type { Services, Shop } from "./services.ts";

export { panelVersion, textLocale };

/** A JSON answer, with an ETag when it may be shared (guests). */
export interface WidgetAnswer {
  /** The answer's text; a boot answer's is ASCII (`asciiJson`), so that its length is its size in bytes. */
  json: string;
  etag?: string;
}

const digest = (...parts: string[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("base64url").slice(0, 27);
};

/**
 * A guest answer's ETag: its content (cached per shop version, view and locale) and the minute of the `now` it carries, so a
 * 304 may reuse a body from the same minute, not an older one.
 */
function guestEtag(parts: ShopParts, key: string, now: number, ...content: string[]) {
  let etag = parts.guestEtags.get(key);
  if (!etag) {
    etag = digest(key, ...content);
    parts.guestEtags.set(key, etag);
  }
  return `"${etag}.${Math.floor(now / 60_000).toString(36)}"`;
}

const sessionErrorJson = (refusal: string) => asciiJson(JSON.stringify({ code: "unauthorized", message: refusal }));

let lastClock = { at: Number.NaN, text: "" };

/** The clock's value as the answers write it (ISO 8601), made once a millisecond: under load, dozens of answers share one. */
function clockText(now: number) {
  if (now !== lastClock.at) lastClock = { at: now, text: new Date(now).toISOString() };
  return lastClock.text;
}

/**
 * Everything the widget draws, as JSON text: program, theme, texts and, with a valid token, the customer (`GET …/widget`, the
 * first widget's one request; kept for compatibility).
 */
export async function widgetPayloadJson(
  services: Services,
  shop: Shop,
  customerId: string | null,
  requestedLocale?: string,
  tokenRefusal?: string,
): Promise<WidgetAnswer> {
  const now = services.now();
  const parts = await partsOf(services, shop, now);
  const locale = textLocale(shop, requestedLocale);
  const tail = localeParts(shop, locale).payloadTail;
  const clock = `,"now":"${clockText(now)}"}`;
  // a refused token gets the guest view, not shared: it answers this one token
  if (tokenRefusal !== undefined)
    return { json: `${parts.heads.get("")}${tail},"customer":null,"sessionError":${sessionErrorJson(tokenRefusal)}${clock}` };
  const guestHead = parts.heads.get("") ?? "";
  if (customerId === null)
    return { json: `${guestHead}${tail},"customer":null${clock}`, etag: guestEtag(parts, `payload\u0000${locale}`, now, guestHead, tail) };
  const view = await memberView(services, shop, customerId, now);
  return { json: `${parts.heads.get(view.tierId) ?? guestHead}${tail},"customer":${view.json}${clock}` };
}

/**
 * The boot answer (`GET …/widget?view=boot`): shop, theme, the launcher's texts, campaigns, the member's own state and the
 * panel's version, in ASCII. Kept parts and a kept view that still hold are used as they are (`keptBootJson` makes a member's
 * answer from them without a promise); else what is missing is drawn: one indexed lookup when the view has not changed.
 */
export async function widgetBootJson(
  services: Services,
  shop: Shop,
  customerId: string | null,
  requestedLocale?: string,
  tokenRefusal?: string,
): Promise<WidgetAnswer> {
  const now = services.now();
  const parts = keptParts(shop, now) ?? (await partsOf(services, shop, now));
  const boot = bootAround(parts, shop, textLocale(shop, requestedLocale));
  const clock = `${clockText(now)}"}`;
  if (tokenRefusal !== undefined)
    return { json: `${boot.head},"customer":null,"sessionError":${sessionErrorJson(tokenRefusal)}${boot.tail}${clock}` };
  if (customerId === null)
    return {
      json: `${boot.head},"customer":null${boot.tail}${clock}`,
      etag: guestEtag(parts, `boot\u0000${boot.locale}`, now, boot.head, boot.tail),
    };
  const view = keptView(services, shop, customerId, now) ?? (await memberView(services, shop, customerId, now));
  return memberBoot(boot, view, now);
}

/**
 * The most asked answer, a member's boot answer, when the shop's parts and the member's view both still hold: made without
 * waiting (no promise, no turn of the event loop); else undefined, and `widgetBootJson` draws what is missing.
 */
export function keptBootJson(services: Services, shop: Shop, customerId: string, requestedLocale?: string): WidgetAnswer | undefined {
  const now = services.now();
  const parts = keptParts(shop, now);
  const view = parts && keptView(services, shop, customerId, now);
  return view && memberBoot(bootAround(parts, shop, textLocale(shop, requestedLocale)), view, now);
}

const memberBoot = (boot: BootAround, view: { json: string }, now: number): WidgetAnswer => ({
  json: `${boot.head},"customer":${view.json}${boot.tail}${clockText(now)}"}`,
});

/** A shop's boot answer in a language up to the customer (`head`) and from the panel's version to the clock's value (`tail`). */
function bootAround(parts: ShopParts, shop: Shop, locale: string): BootAround {
  let boot = parts.boots.get(locale);
  if (!boot) {
    boot = {
      locale,
      head: asciiJson(
        `{"shop":${parts.shopJson}${localeParts(shop, locale).bootTail},"campaigns":${parts.campaignsJson(locale)}${parts.engagementJson(locale)}`,
      ),
      tail: asciiJson(`,"panel":${JSON.stringify({ version: panelVersion(shop) })},"now":"`),
    };
    parts.boots.set(locale, boot);
  }
  return boot;
}

/**
 * The program as the panel shows it in a language: every reward with its tiers (the panel marks those of other tiers), and what
 * the panel shows every shopper alike in words (the rewards' conditions, the friend's offer, the ways to earn, the tiers).
 */
function panelProgram(shop: Shop, locale: string): WidgetPanel["program"] {
  const { program } = shop;
  const { offer, offerTerms, ...inWords } = programWords(program, shop.currency, localeParts(shop, locale).words);
  return {
    pointsPerUnit: program.earning.pointsPerUnit,
    channels: program.earning.channels,
    rewards: program.rewards,
    tiers: program.tiers,
    tierWindowDays: program.tierWindowDays,
    referral: program.referral.enabled
      ? {
          referrerPoints: program.referral.referrerPoints,
          friendOffer: program.referral.friendOffer,
          offer,
          ...(offerTerms && { terms: offerTerms }),
        }
      : null,
    links: program.links,
    summary: program.summary,
    ...inWords,
    ...(program.actions?.length && { actions: program.actions }),
    ...(program.pending && { pending: program.pending }),
    ...(program.expiry && { expiry: program.expiry }),
  };
}

const panels = new WeakMap<Shop, Map<string, WidgetAnswer & { etag: string; version: string }>>();

/**
 * The panel answer (`GET …/widget/panel`): every text and the program's details, the same for every shopper of the shop in a
 * language; cached per shop version and locale, its ETag the version and the locale.
 */
export function widgetPanelJson(shop: Shop, requestedLocale?: string): WidgetAnswer & { etag: string; version: string } {
  const locale = textLocale(shop, requestedLocale);
  let byLocale = panels.get(shop);
  if (!byLocale) {
    byLocale = new Map();
    panels.set(shop, byLocale);
  }
  let answer = byLocale.get(locale);
  if (!answer) {
    const version = panelVersion(shop);
    const panel: WidgetPanel = { version, locale, texts: localeParts(shop, locale).texts, program: panelProgram(shop, locale) };
    answer = { json: JSON.stringify(panel), etag: `"panel.${version}.${locale}"`, version };
    byLocale.set(locale, answer);
  }
  return answer;
}

/** The payload as an object (tests, tools). */
export async function widgetPayload(services: Services, shop: Shop, customerId: string | null, locale?: string): Promise<WidgetPayload> {
  return JSON.parse((await widgetPayloadJson(services, shop, customerId, locale)).json) as WidgetPayload;
}
