import { randomBytes } from "node:crypto";
import type { ActivityEntry, ActivityPage, CustomerDetails, CustomerExport, CustomerUpsert, EntryKind, OrderResult } from "../../contract/index.ts";
import { referralCode } from "../domain/codes.ts";
import { expiresAt } from "../domain/expiry.ts";
import { fromMinor } from "../domain/money.ts";
import { nextTier, rewardProgress, rewardsFor, tierFor } from "../domain/progress.ts";
import { normaliseEmail } from "../domain/referrals.ts";
import { fingerprint } from "../domain/secrets.ts";
import { auditLog } from "../storage/audit.ts";
import { customerNames } from "../storage/customer-list.ts";
import { adjustments } from "../storage/adjustments.ts";
import { erasure } from "../storage/erasure.ts";
import { orders } from "../storage/orders.ts";
import { referrals } from "../storage/referrals.ts";
import { codes, type CustomerRow, customers, type EntryRow, jobState, ledger, type ProfileChanges, replays } from "../storage/repository.ts";
import { recordErasure } from "./erasure-events.ts";
import { changeConsent, consentOf } from "./consent.ts";
import { forgetEngagement, engagementExport } from "./engagement-privacy.ts";
import { ApiError } from "./errors.ts";
import { answerOnce, ERASED, recordConflicts } from "./idempotency.ts";
import { tierPointsOf } from "./tier-events.ts";
import type { Services, Shop } from "./services.ts";

const iso = (ms: number) => new Date(ms).toISOString();

/** A ledger row as the shopper and the shop see it. */
export function toActivity(row: EntryRow): ActivityEntry {
  const entry: ActivityEntry = {
    id: String(row.id),
    kind: row.kind as EntryKind,
    points: row.points,
    createdAt: iso(row.created_at),
    occurredAt: iso(row.occurred_at || row.created_at),
  };
  if (row.pending_until !== null) entry.pendingUntil = iso(row.pending_until);
  if (row.order_id && (row.kind === "earn" || row.kind === "refund")) entry.orderId = row.order_id;
  if (row.reward_id) entry.rewardId = row.reward_id;
  if (row.reason) entry.reason = row.reason;
  // a raffle purchase's id starts with its raffle's
  if ((row.kind === "raffle_entry" || row.kind === "raffle_refund") && row.cause_type === "raffle") entry.raffleId = row.cause_id.split("/")[0];
  return entry;
}

/** The customer's row; a 404 when the shop has no such customer. */
export async function requireCustomer(services: Services, shop: Shop, id: string): Promise<CustomerRow> {
  const customer = await customers.get(services.driver.read, shop.id, id);
  if (!customer) throw new ApiError("not_found", `no customer "${id}"`);
  return customer;
}

/** Creates or updates a customer's profile; fields left out keep their value. */
export async function upsertCustomer(services: Services, shop: Shop, id: string, profile: CustomerUpsert): Promise<CustomerDetails> {
  const now = services.now();
  await services.driver.transaction(async (tx) => {
    const existing = await customers.ensure(tx, shop.id, id, now, referralCode);
    const { email, name, birthday } = profile;
    const changes: ProfileChanges = { email, email_normalized: email === undefined ? undefined : normaliseEmail(email), name, birthday };
    // a change of consent is recorded with its time and told to the shop, like the shopper's own
    if (profile.marketingConsent !== undefined) await changeConsent(tx, shop, existing, profile.marketingConsent, "shop", now);
    await customers.saveProfile(tx, shop.id, id, changes);
    if (profile.name !== undefined) await customerNames.index(tx, shop.id, id, profile.name);
  });
  return customerDetails(services, shop, id);
}

/** Balance, tier, progress and the latest ledger entries of one customer. */
export async function customerDetails(services: Services, shop: Shop, id: string): Promise<CustomerDetails> {
  const customer = await requireCustomer(services, shop, id);
  const read = services.driver.read;
  const tierPoints = await tierPointsOf(read, shop, id, services.now());
  const tier = tierFor(shop.program.tiers, tierPoints);
  const next = nextTier(shop.program.tiers, tierPoints);
  const entries = await ledger.page(read, shop.id, id, 50);
  return {
    id,
    email: customer.email,
    name: customer.name,
    birthday: customer.birthday,
    marketingConsent: customer.marketing_consent === 1,
    ...(await consentOf(read, shop, customer)),
    balance: customer.balance,
    pending: customer.pending,
    lastEarnedAt: customer.last_earned_at === null ? null : iso(customer.last_earned_at),
    expiresAt:
      shop.program.expiry && customer.last_earned_at !== null && customer.balance > 0
        ? iso(expiresAt(shop.program.expiry, customer.last_earned_at))
        : null,
    tier: tier ? { id: tier.id, name: tier.name } : null,
    tierPoints,
    nextTier: next ? { id: next.tier.id, name: next.tier.name, missing: next.missing } : null,
    nextReward: rewardProgress(rewardsFor(shop.program.rewards, tier), customer.balance).nextReward,
    referralCode: customer.referral_code,
    createdAt: iso(customer.created_at),
    ledger: entries.map(toActivity),
  };
}

/** The customer's ledger, newest first, `limit` entries a page. */
export async function activityPage(services: Services, shop: Shop, id: string, limit: number, cursor?: number): Promise<ActivityPage> {
  const rows = await ledger.page(services.driver.read, shop.id, id, limit + 1, cursor);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { entries: page.map(toActivity), nextCursor: rows.length > limit && last ? String(last.id) : null };
}

/** A manual correction by the shop: a new entry with its reason, never an edit. Idempotent on the id. */
export async function adjustPoints(
  services: Services,
  shop: Shop,
  customerId: string,
  adjustment: { id: string; points: number; reason: string },
  actor?: string,
) {
  const hash = fingerprint({ customerId, ...adjustment });
  const now = services.now();
  return services.driver.transaction(async (tx) => {
    const previous = await replays.adjustment(tx, shop.id, adjustment.id);
    return answerOnce(previous, { hash, ...recordConflicts(`adjustment "${adjustment.id}"`) }, async () => {
      await customers.ensure(tx, shop.id, customerId, now, referralCode);
      const balance = await ledger.append(tx, {
        shopId: shop.id,
        customerId,
        kind: "adjustment",
        points: adjustment.points,
        causeType: "adjustment",
        causeId: adjustment.id,
        reason: adjustment.reason,
        at: now,
      });
      const result = { adjustmentId: adjustment.id, points: adjustment.points, balance };
      await adjustments.insert(tx, {
        shopId: shop.id,
        id: adjustment.id,
        customerId,
        points: adjustment.points,
        reason: adjustment.reason,
        requestHash: hash,
        result: JSON.stringify(result),
        at: now,
      });
      // the reason stays out of the audit log: a marketer's free text may name the person
      if (actor)
        await auditLog.record(tx, {
          shopId: shop.id,
          actor,
          action: "customer.adjusted",
          customerId,
          details: { points: adjustment.points },
          at: now,
        });
      return result;
    });
  });
}

/** Everything stored about a customer, for a privacy request. */
export async function exportCustomer(services: Services, shop: Shop, id: string, actor?: string): Promise<CustomerExport> {
  const customer = await requireCustomer(services, shop, id);
  // who took a copy of someone's data is worth knowing
  if (actor)
    await services.driver.transaction((tx) =>
      auditLog.record(tx, { shopId: shop.id, actor, action: "customer.exported", customerId: id, at: services.now() }),
    );
  const read = services.driver.read;
  const entries = await ledger.ofCustomer(read, shop.id, id);
  const orderRows = await orders.ofCustomer(read, shop.id, id);
  const codeRows = await codes.ofCustomer(read, shop.id, id);
  const referralRows = await referrals.involving(read, shop.id, id);
  return {
    customer: {
      id,
      email: customer.email,
      name: customer.name,
      birthday: customer.birthday,
      marketingConsent: customer.marketing_consent === 1,
      referralCode: customer.referral_code,
      balance: customer.balance,
      createdAt: iso(customer.created_at),
    },
    ledger: entries.map(toActivity),
    orders: orderRows.map((order) => ({
      id: order.id,
      subtotal: fromMinor(order.subtotal_minor, order.currency),
      currency: order.currency,
      channel: order.channel,
      placedAt: iso(order.placed_at),
      pointsEarned: order.points_earned,
      refunded: fromMinor(order.refunded_minor, order.currency),
    })),
    codes: codeRows.map((code) => ({
      code: code.code,
      kind: code.kind,
      rewardId: code.reward_id,
      expiresAt: iso(code.expires_at),
      usedByOrder: code.used_by_order,
    })),
    referrals: referralRows.map((row) => ({
      role: row.referrer_id === id ? "referrer" : "friend",
      status: row.status,
      reason: row.reason,
      createdAt: iso(row.created_at),
    })),
    ...(await engagementExport(services, shop, id)),
  };
}

/**
 * Erases a customer: personal data is deleted and every row that pointed at them (ledger, orders,
 * codes, referrals) is moved to a random pseudonym, so shop totals stay right and nothing links
 * back to the person. The shop's customer id becomes free; it starts from zero if seen again.
 */
export async function eraseCustomer(services: Services, shop: Shop, id: string, actor?: string) {
  await requireCustomer(services, shop, id);
  const pseudonym = `erased:${randomBytes(12).toString("base64url")}`;
  const now = services.now();
  await services.driver.transaction(async (tx) => {
    await erasure.moveToPseudonym(tx, shop.id, id, pseudonym, now);
    await customerNames.forget(tx, shop.id, id);
    // the erasure's own entry names only the pseudonym
    if (actor) await auditLog.record(tx, { shopId: shop.id, actor, action: "customer.erased", customerId: pseudonym, at: now });
    // a marketer's free-text reason may name the person, and a replay of an adjustment or action is now a conflict
    await erasure.forgetRequests(tx, shop.id, pseudonym, ERASED);
    // raffle entries and wins, feedback (whose comments may name the person) and the history of consent
    await forgetEngagement(tx, shop.id, id, pseudonym);
    // the expiry jobs' cursors may stop at this customer: they restart at the same date instead (revisiting is harmless)
    await jobState.forgetCustomer(tx, shop.id, id, now);
    // the person's events go with their queued webhook messages; customer.erased tells the shop to erase them too
    await recordErasure(tx, shop.id, id, now);
    // stored answers name the customer, and request digests were taken over the id: a replay of them is now a conflict
    for (const order of await orders.answersOf(tx, shop.id, pseudonym)) {
      const result = { ...(JSON.parse(order.result) as OrderResult), customerId: pseudonym };
      await orders.replaceAnswer(tx, shop.id, order.id, JSON.stringify(result), ERASED);
    }
  });
  return { erased: true as const, customerId: id };
}
