import type { Theme, WidgetBoot, WidgetCustomer, WidgetPanel, WidgetPayload, WidgetTexts } from "../../../contract/index.ts";
import { DAY } from "../../../contract/time.ts";
import { nextTier, rewardProgress, rewardsFor, tierFor } from "../../domain/progress.ts";
import { signCustomerToken } from "../../sdk/sign-customer-token.js";
import { isLauncherText, widgetTexts } from "../../texts/index.ts";
import { widgetBootJson, widgetPanelJson, widgetPayload } from "../widget.ts";
import type { Services, Shop } from "../services.ts";

/** The sample shopper of the theme editor's preview: never stored, so it touches no ledger or analytics. */
export const PREVIEW_CUSTOMER_ID = "console-preview";

/** A short-lived token for the sample shopper, signed with the shop's current signing secret. */
export function previewToken(shop: Shop, now: number): string {
  const [secret] = shop.signingSecrets;
  if (!secret) throw new Error(`shop ${shop.id} has no signing secret`);
  return signCustomerToken({
    signingSecret: secret,
    shop: shop.id,
    customerId: PREVIEW_CUSTOMER_ID,
    expiresIn: 3600,
    issuedAt: Math.floor(now / 1000),
  });
}

/** A plausible member: some points, a tier if the program has one, a reward within reach. */
function sampleCustomer(shop: Shop, now: number): { customer: WidgetCustomer; tierRewards: WidgetPayload["program"]["rewards"] } {
  const program = shop.program;
  const cheapest = Math.min(...program.rewards.map((reward) => reward.cost), 500);
  const balance = Math.max(0, Math.round(cheapest * 0.7));
  const tierPoints = balance + 150;
  const tier = tierFor(program.tiers, tierPoints);
  const next = nextTier(program.tiers, tierPoints);
  const rewards = rewardsFor(program.rewards, tier);
  const progress = rewardProgress(rewards, balance);
  const ready = rewards.filter((reward) => reward.cost <= balance).sort((a, b) => b.cost - a.cost)[0];
  const daysAgo = (days: number) => new Date(now - days * DAY).toISOString();
  return {
    tierRewards: rewards,
    customer: {
      balance,
      tier: tier ? { id: tier.id, name: tier.name, multiplier: tier.multiplier } : null,
      tierPoints,
      nextTier: next ? { id: next.tier.id, name: next.tier.name, missing: next.missing } : null,
      nextReward: progress.nextReward,
      redeemable: progress.redeemable,
      readyReward: ready ? { rewardId: ready.id, cost: ready.cost, title: ready.title } : null,
      ordersCount: 2,
      referral: { code: "PREVIEW1", visits: 3, friendsOrdered: 1, pointsEarned: program.referral.referrerPoints },
      activity: [
        { id: "2", kind: "earn", points: Math.round(balance / 2), createdAt: daysAgo(2), occurredAt: daysAgo(2), orderId: "1002" },
        { id: "1", kind: "earn", points: balance - Math.round(balance / 2), createdAt: daysAgo(20), occurredAt: daysAgo(20), orderId: "1001" },
      ],
      wallet: rewards[0]
        ? [{ code: "PR-PREV-IEW0-CODE-0001", reward: rewards[0], expiresAt: new Date(now + rewards[0].codeValidityDays * DAY).toISOString() }]
        : [],
      marketingConsent: true,
    },
  };
}

/** The drafted theme's words and texts for the previewed language, as the endpoint resolves the saved theme's. */
function draftWords(theme: Theme, locale: string): { theme: Theme; texts: WidgetTexts } {
  const { texts, ...words } = theme.locales[locale] ?? {};
  return { theme: { ...theme, ...words }, texts: { ...widgetTexts[locale], ...texts } };
}

/** The boot answer for the sample shopper with the drafted theme: the shop's real one otherwise. */
export async function previewBoot(services: Services, shop: Shop, theme: Theme, locale?: string): Promise<WidgetBoot> {
  const boot = JSON.parse((await widgetBootJson(services, shop, null, locale)).json) as WidgetBoot;
  const draft = draftWords(theme, boot.locale);
  const launcherTexts = Object.fromEntries(Object.entries(draft.texts).filter(([key]) => isLauncherText(key)));
  // the draft's own panel version: a preview never reuses a panel cached for another draft
  return {
    ...boot,
    theme: draft.theme,
    texts: launcherTexts,
    customer: sampleCustomer(shop, services.now()).customer,
    panel: { version: "preview" },
  };
}

/** The panel answer with the drafted theme's texts, and the program's sentences written with them. */
export function previewPanel(shop: Shop, theme: Theme, locale?: string): WidgetPanel {
  return JSON.parse(widgetPanelJson({ ...shop, theme }, locale).json) as WidgetPanel;
}

/** What the first widget would receive for the sample shopper with the drafted theme: the shop's real payload otherwise. */
export async function previewPayload(services: Services, shop: Shop, theme: Theme, locale?: string): Promise<WidgetPayload> {
  const now = services.now();
  const payload = await widgetPayload(services, shop, null, locale);
  const { customer, tierRewards } = sampleCustomer(shop, now);
  // the draft's words and texts for the previewed language, as the endpoint resolves the saved theme's
  const { texts, ...words } = theme.locales[payload.locale] ?? {};
  return {
    ...payload,
    theme: { ...theme, ...words },
    texts: { ...widgetTexts[payload.locale], ...texts },
    customer,
    program: { ...payload.program, rewards: tierRewards },
  };
}
