import type { CampaignWindow, WidgetCustomer, WidgetPayload } from "../../contract/index.ts";
import { activeCampaign, nextCampaign, type Window } from "../domain/campaigns.ts";
import { referralCode } from "../domain/codes.ts";
import { nextTier, rewardProgress, rewardsFor, tierFor } from "../domain/progress.ts";
import { type CustomerRow, customers, ledger } from "../storage/repository.ts";
import { toActivity } from "./customers.ts";
import type { Services, Shop } from "./services.ts";

const DAY = 86_400_000;
const RECENT_ACTIVITY = 5;

type Program = WidgetPayload["program"];
const views = new WeakMap<Shop, { view: Program; until: number }>();

const toWindow = (window: Window | null): CampaignWindow | null =>
  window && {
    id: window.campaign.id,
    name: window.campaign.name,
    multiplier: window.campaign.multiplier,
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
  };

/** The program as a guest sees it, kept until the next campaign boundary (or a minute). */
function programView(shop: Shop, now: number): Program {
  const cached = views.get(shop);
  if (cached && now < cached.until) return cached.view;
  const { program } = shop;
  const active = activeCampaign(program.campaigns, new Date(now), program.timeZone);
  const next = nextCampaign(program.campaigns, new Date(now), program.timeZone);
  const view: Program = {
    pointsPerUnit: program.earning.pointsPerUnit,
    channels: program.earning.channels,
    rewards: rewardsFor(program.rewards, null),
    tiers: program.tiers,
    tierWindowDays: program.tierWindowDays,
    referral: program.referral.enabled ? { referrerPoints: program.referral.referrerPoints, friendOffer: program.referral.friendOffer } : null,
    campaigns: { active: toWindow(active), next: toWindow(next) },
    links: program.links,
    summary: program.summary,
  };
  const until = Math.min(now + 60_000, active?.endsAt.getTime() ?? Infinity, next?.startsAt.getTime() ?? Infinity);
  views.set(shop, { view, until });
  return view;
}

interface Snapshot extends CustomerRow {
  tier_points: number;
  visits: number;
  friends: number;
  referral_points: number;
}

/** Customer row, tier points and referral stats in one statement: the boot request's hot path. */
function snapshot(services: Services, shop: Shop, customerId: string, now: number) {
  const sameCustomer = [shop.id, customerId];
  return services.driver.read.one<Snapshot>(
    `SELECT c.*,
       (SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM ledger
          WHERE shop_id = ? AND customer_id = ? AND kind IN ('earn', 'refund') AND created_at >= ?) AS tier_points,
       (SELECT COUNT(*) FROM referral_visits WHERE shop_id = ? AND referrer_id = ?) AS visits,
       (SELECT COUNT(*) FROM referrals WHERE shop_id = ? AND referrer_id = ? AND status = 'credited') AS friends,
       (SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM referrals WHERE shop_id = ? AND referrer_id = ? AND status = 'credited') AS referral_points
     FROM customers c WHERE c.shop_id = ? AND c.id = ?`,
    [...sameCustomer, now - shop.program.tierWindowDays * DAY, ...sameCustomer, ...sameCustomer, ...sameCustomer, ...sameCustomer],
  );
}

/** Everything the widget draws, in one response; the customer part only with a valid token. */
export async function widgetPayload(services: Services, shop: Shop, customerId: string | null): Promise<WidgetPayload> {
  const now = services.now();
  const program = programView(shop, now);
  const payload: WidgetPayload = {
    shop: { id: shop.id, name: shop.name, currency: shop.currency, defaultLocale: shop.defaultLocale },
    program,
    theme: shop.theme,
    customer: null,
    now: new Date(now).toISOString(),
  };
  if (customerId === null) return payload;

  let row = await snapshot(services, shop, customerId, now);
  if (!row) {
    // first sight of this member: give them a row and a referral code, once
    await services.driver.transaction((tx) => customers.ensure(tx, shop.id, customerId, now, referralCode));
    row = await snapshot(services, shop, customerId, now);
    if (!row) throw new Error("customer vanished after insert");
  }
  const tierPoints = Number(row.tier_points);
  const tier = tierFor(shop.program.tiers, tierPoints);
  const rewards = tier ? rewardsFor(shop.program.rewards, tier) : program.rewards;
  const next = nextTier(shop.program.tiers, tierPoints);
  const recent = await ledger.page(services.driver.read, shop.id, customerId, RECENT_ACTIVITY);
  const customer: WidgetCustomer = {
    balance: row.balance,
    tier: tier && { id: tier.id, name: tier.name, multiplier: tier.multiplier },
    tierPoints,
    nextTier: next && { id: next.tier.id, name: next.tier.name, missing: next.missing },
    ...rewardProgress(rewards, row.balance),
    referral: { code: row.referral_code, visits: Number(row.visits), friendsOrdered: Number(row.friends), pointsEarned: Number(row.referral_points) },
    activity: recent.map(toActivity),
    marketingConsent: row.marketing_consent === 1,
  };
  return { ...payload, program: { ...program, rewards }, customer };
}
