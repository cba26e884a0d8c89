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
import { type CustomerRow, customers, type EntryRow, jobState, ledger, replays } from "../storage/repository.ts";
import { recordErasure } from "./erasure-events.ts";
import { changeConsent, consentOf } from "./consent.ts";
import { forgetEngagement, engagementExport } from "./engagement-privacy.ts";
import { ApiError } from "./errors.ts";
import { ERASED, tierPointsOf } from "./orders.ts";
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

async function requireCustomer(services: Services, shop: Shop, id: string): Promise<CustomerRow> {
  const customer = await customers.get(services.driver.read, shop.id, id);
  if (!customer) throw new ApiError("not_found", `no customer "${id}"`);
  return customer;
}

/** Creates or updates a customer's profile; fields left out keep their value. */
export async function upsertCustomer(services: Services, shop: Shop, id: string, profile: CustomerUpsert): Promise<CustomerDetails> {
  const now = services.now();
  await services.driver.transaction(async (tx) => {
    const existing = await customers.ensure(tx, shop.id, id, now, referralCode);
    const changes: [column: string, value: string | number][] = [];
    if (profile.email !== undefined) changes.push(["email", profile.email], ["email_normalized", normaliseEmail(profile.email)]);
    if (profile.name !== undefined) changes.push(["name", profile.name]);
    if (profile.birthday !== undefined) changes.push(["birthday", profile.birthday]);
    // a change of consent is recorded with its time and told to the shop, like the shopper's own
    if (profile.marketingConsent !== undefined) await changeConsent(tx, shop, existing, profile.marketingConsent, "shop", now);
    if (changes.length)
      await tx.run(
        `UPDATE customers SET ${changes.map(([column]) => `${column} = ?`).join(", ")}, version = version + 1 WHERE shop_id = ? AND id = ?`,
        [...changes.map(([, value]) => value), shop.id, id],
      );
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
    if (previous) {
      if (previous.request_hash === ERASED)
        throw new ApiError("conflict", `adjustment "${adjustment.id}" belonged to a customer who has been erased`);
      if (previous.request_hash !== hash) throw new ApiError("conflict", `adjustment "${adjustment.id}" was already recorded with different content`);
      return { result: JSON.parse(previous.result) as { adjustmentId: string; points: number; balance: number }, replayed: true };
    }
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
    await tx.run(
      "INSERT INTO adjustments (shop_id, id, customer_id, points, reason, request_hash, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [shop.id, adjustment.id, customerId, adjustment.points, adjustment.reason, hash, JSON.stringify(result), now],
    );
    // the reason stays out of the audit log: a marketer's free text may name the person
    if (actor)
      await auditLog.record(tx, { shopId: shop.id, actor, action: "customer.adjusted", customerId, details: { points: adjustment.points }, at: now });
    return { result, replayed: false };
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
  const entries = await read.all<EntryRow>("SELECT * FROM ledger WHERE shop_id = ? AND customer_id = ? ORDER BY id", [shop.id, id]);
  const orders = await read.all<{
    id: string;
    subtotal_minor: number;
    currency: string;
    channel: "online" | "store";
    placed_at: number;
    points_earned: number;
    refunded_minor: number;
  }>("SELECT * FROM orders WHERE shop_id = ? AND customer_id = ? ORDER BY placed_at", [shop.id, id]);
  const codeRows = await read.all<{ code: string; kind: string; reward_id: string | null; expires_at: number; used_by_order: string | null }>(
    "SELECT * FROM codes WHERE shop_id = ? AND customer_id = ? ORDER BY created_at",
    [shop.id, id],
  );
  const referralRows = await read.all<{ referrer_id: string; status: string; reason: string | null; created_at: number }>(
    "SELECT * FROM referrals WHERE shop_id = ? AND (referrer_id = ? OR friend_id = ?) ORDER BY created_at",
    [shop.id, id, id],
  );
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
    orders: orders.map((order) => ({
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
    await tx.run(
      `UPDATE customers SET id = ?, email = NULL, email_normalized = NULL, name = NULL, birthday = NULL, marketing_consent = 0,
       marketing_consent_at = NULL, referral_code = ?, erased_at = ? WHERE shop_id = ? AND id = ?`,
      [pseudonym, pseudonym.toUpperCase(), now, shop.id, id],
    );
    for (const [table, column] of [
      ["ledger", "customer_id"],
      ["orders", "customer_id"],
      ["codes", "customer_id"],
      ["codes", "referrer_id"],
      ["referrals", "referrer_id"],
      ["referrals", "friend_id"],
      ["referral_visits", "referrer_id"],
      ["idempotency", "customer_id"],
      ["adjustments", "customer_id"],
      ["actions", "customer_id"],
      ["console_audit", "customer_id"],
    ] as const)
      await tx.run(`UPDATE ${table} SET ${column} = ? WHERE shop_id = ? AND ${column} = ?`, [pseudonym, shop.id, id]);
    await customerNames.forget(tx, shop.id, id);
    // the erasure's own entry names only the pseudonym
    if (actor) await auditLog.record(tx, { shopId: shop.id, actor, action: "customer.erased", customerId: pseudonym, at: now });
    // a marketer's free-text reason may name the person
    await tx.run("UPDATE ledger SET reason = NULL WHERE shop_id = ? AND customer_id = ?", [shop.id, pseudonym]);
    await tx.run("UPDATE adjustments SET reason = '', request_hash = ? WHERE shop_id = ? AND customer_id = ?", [ERASED, shop.id, pseudonym]);
    await tx.run("UPDATE actions SET request_hash = ? WHERE shop_id = ? AND customer_id = ?", [ERASED, shop.id, pseudonym]);
    // raffle entries and wins, feedback (whose comments may name the person) and the history of consent
    await forgetEngagement(tx, shop.id, id, pseudonym);
    // the expiry jobs' cursors may stop at this customer: they restart at the same date instead (revisiting is harmless)
    await jobState.forgetCustomer(tx, shop.id, id, now);
    // the person's events go with their queued webhook messages; customer.erased tells the shop to erase them too
    await recordErasure(tx, shop.id, id, now);
    // stored answers name the customer, and request digests were taken over the id: a replay of them is now a conflict
    for (const order of await tx.all<{ id: string; result: string }>("SELECT id, result FROM orders WHERE shop_id = ? AND customer_id = ?", [
      shop.id,
      pseudonym,
    ])) {
      const result = { ...(JSON.parse(order.result) as OrderResult), customerId: pseudonym };
      await tx.run("UPDATE orders SET result = ?, request_hash = ? WHERE shop_id = ? AND id = ?", [
        JSON.stringify(result),
        ERASED,
        shop.id,
        order.id,
      ]);
    }
  });
  return { erased: true as const, customerId: id };
}
