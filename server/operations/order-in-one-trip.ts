import type { OrderRequest, OrderResult } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import { judgeCodeUse } from "../domain/codes.ts";
import { tierFor } from "../domain/progress.ts";
import type { OrderFacts } from "../storage/order-plans.ts";
import type { CodeRow } from "../storage/repository.ts";
import { newMessageId } from "../storage/webhooks.ts";
import { codeUseFactsOf } from "./codes.ts";
import type { Plan } from "./order-batches.ts";
import { keptTierPoints, orderEarning, orderRow, pendingUntilOf } from "./order-terms.ts";
import type { Services, Shop } from "./services.ts";
import { tierChangeOf } from "./tier-events.ts";

interface Terms {
  subtotalMinor: number;
  placedAt: number;
  hash: string;
  now: number;
}

/**
 * A new order on PostgreSQL in two round trips instead of fourteen: its facts (with its codes' rows) read in one statement,
 * its plan made here with the rules the transactional path uses, and the plan applied in one statement (migration 10's
 * function) that writes nothing if the customer changed or a code it uses was used since the facts were read. Reward codes
 * are judged here as the transactional path judges them (`judgeCodeUse`): applied ones are marked used by the order.
 * Undefined sends the order down the transactional path: orders with a referral code or a referral welcome code (their
 * referrer is read, locked and maybe credited), replays, customers not seen before or erased, and plans a concurrent change
 * made stale.
 */
export async function recordOrderInOneTrip(services: Services, shop: Shop, order: OrderRequest, terms: Terms): Promise<OrderResult | undefined> {
  if (services.driver.dialect !== "postgres" || order.referralCode) return undefined;
  const { subtotalMinor, placedAt, now } = terms;
  const window = shop.program.tierWindowDays * DAY;
  const given = [...new Set(order.discountCodes.map((code) => code.trim().toUpperCase()))];
  const facts = await services.orderBatches.facts.add({
    shopId: shop.id,
    orderId: order.id,
    customerId: order.customerId,
    tierWindowThen: [placedAt - window, placedAt],
    tierWindowNow: [now - window, now + DAY],
    codes: given,
  });
  if (!facts || facts.replay_hash !== null || facts.erased_at !== null) return undefined;
  const codes = judgeRewardCodes(given, facts, order.customerId, placedAt);
  if (!codes) return undefined;

  const tiers = shop.program.tiers;
  const tierPointsNow = Number(facts.tier_points_now);
  const tierBefore = tiers.length ? { points: tierPointsNow, tier: tierFor(tiers, tierPointsNow) ?? null } : null;
  const tierPointsThen = Number(facts.tier_points_then);
  const { rate, points } = orderEarning(shop, order, subtotalMinor, tierPointsThen, placedAt);
  const pendingUntil = points > 0 ? pendingUntilOf(shop, placedAt, now) : null;
  const available = points > 0 && pendingUntil === null ? points : 0;
  const balance = Number(facts.balance) + available;
  const result: OrderResult = {
    orderId: order.id,
    customerId: order.customerId,
    pointsEarned: points,
    balance,
    rate,
    discountCodes: codes.statuses,
    referral: null,
  };
  if (pendingUntil !== null) result.pendingUntil = new Date(pendingUntil).toISOString();

  // the events the transactional path records, with the customer's consent, and a message for each subscribed webhook
  const marketingConsent = Number(facts.marketing_consent) === 1;
  const customerId = order.customerId;
  const events: { type: string; data: Record<string, unknown> }[] = [];
  if (points > 0)
    events.push({
      type: "points.earned",
      data: {
        customerId,
        points,
        balance,
        source: "order",
        orderId: order.id,
        channel: order.channel,
        pendingUntil: result.pendingUntil ?? null,
        marketingConsent,
      },
    });
  const tierChange = tierChangeOf(shop, tierBefore, { points, placedAt }, now);
  if (tierChange) events.push({ type: "tier.changed", data: { customerId, ...tierChange, marketingConsent } });
  const webhooks = JSON.parse(facts.webhooks ?? "[]") as { id: string; events: string }[];
  const subscribed = (type: string) => webhooks.filter((webhook) => (JSON.parse(webhook.events) as string[]).includes(type));

  const kept = keptTierPoints(shop, tierBefore, tierPointsThen, points, placedAt, now);
  const plan: Plan = {
    shopId: shop.id,
    at: now,
    customer: {
      id: customerId,
      version: Number(facts.version),
      balanceDelta: available,
      pendingDelta: points - available,
      tierPoints: kept.value,
      tierPointsCurrent: kept.current,
      earnedAt: points > 0 ? placedAt : null,
    },
    order: { ...orderRow(shop, order, { rate, points }, terms), result: JSON.stringify(result) },
    ledger: points > 0 ? { points, pendingUntil } : null,
    codes: codes.applied,
    events: events.map((event) => ({
      type: event.type,
      data: JSON.stringify(event.data),
      deliveries: subscribed(event.type).map((webhook) => ({ webhookId: webhook.id, messageId: newMessageId() })),
    })),
  };
  // stale, or the same order id recorded meanwhile: the transactional path answers it (as a replay, for the latter)
  return (await services.orderBatches.plans.add(plan)) === "ok" ? result : undefined;
}

/**
 * The status of each code an order reports (`given`, normalised), judged as `useCode` in orders.ts judges it from the codes'
 * rows among the facts, and the codes it applies with their owners; undefined when one of them is a referral welcome code,
 * whose referrer the transactional path reads, locks and maybe credits.
 */
function judgeRewardCodes(
  given: string[],
  facts: Pick<OrderFacts, "codes" | "email" | "orders_count">,
  customerId: string,
  placedAt: number,
): { statuses: OrderResult["discountCodes"]; applied: { code: string; ownerId: string | null }[] } | undefined {
  const rows = JSON.parse(facts.codes ?? "[]") as CodeRow[];
  if (rows.some((row) => row.kind !== "reward" || row.referrer_id !== null)) return undefined;
  const presenter = { id: customerId, email: facts.email, orders_count: Number(facts.orders_count) };
  const statuses: OrderResult["discountCodes"] = [];
  const applied: { code: string; ownerId: string | null }[] = [];
  for (const code of given) {
    const row = rows.find((candidate) => candidate.code === code);
    const verdict = row ? judgeCodeUse(codeUseFactsOf(row, presenter, placedAt, undefined)) : { usable: false as const, status: "unknown" as const };
    statuses.push({ code, status: verdict.usable ? "applied" : verdict.status });
    if (row && verdict.usable) applied.push({ code, ownerId: row.customer_id });
  }
  return { statuses, applied };
}
