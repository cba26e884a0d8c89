import type { ConsoleCustomer, ConsoleLedgerEntry, CustomerList, CustomerSummary, EntryKind } from "../../../contract/index.ts";
import { fromMinor } from "../../domain/money.ts";
import { tierFor } from "../../domain/progress.ts";
import { normaliseEmail } from "../../domain/referrals.ts";
import { type CustomerSort, customerList, type LedgerWithOrderRow, ledgerWithOrders } from "../../storage/customer-list.ts";
import { referrals, referralVisits } from "../../storage/referrals.ts";
import type { CustomerRow } from "../../storage/repository.ts";
import { customerDetails } from "../customers.ts";
import { tierPointsOf } from "../tier-events.ts";
import type { Services, Shop } from "../services.ts";

export const PAGE_SIZE = 25;
const LEDGER_PAGE = 25;
/** The referrals the console lists of a customer, newest first. */
const REFERRALS_SHOWN = 100;
const iso = (ms: number) => new Date(ms).toISOString();

function summary(shop: Shop, row: CustomerRow, tierPoints: number): CustomerSummary {
  const tier = tierFor(shop.program.tiers, tierPoints);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    balance: row.balance,
    tier: tier ? { id: tier.id, name: tier.name } : null,
    tierPoints,
    joinedAt: iso(row.joined_at || row.created_at),
    createdAt: iso(row.created_at),
  };
}

/**
 * A page of the shop's customers: those matching `q` (id or email beginning, or name words, case- and accent-insensitive),
 * or everyone by `sort` (newest members, highest balances, highest tier points).
 */
export async function listCustomers(
  services: Services,
  shop: Shop,
  query: { q?: string; sort?: CustomerSort; page?: number },
): Promise<CustomerList> {
  const read = services.driver.read;
  const now = services.now();
  const page = query.page ?? 1;
  const text = query.q?.trim() ?? "";
  let rows: CustomerRow[];
  let hasMore = false;
  if (text) {
    rows = await customerList.search(read, shop.id, text, text.includes("@") ? normaliseEmail(text) : "", 50);
  } else {
    rows = await customerList.page(read, shop.id, query.sort ?? "recent", PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
    hasMore = rows.length > PAGE_SIZE;
    rows = rows.slice(0, PAGE_SIZE);
  }
  const customers = await Promise.all(
    rows.map(async (row) =>
      summary(shop, row, row.tier_points === undefined ? await tierPointsOf(read, shop, row.id, now) : Number(row.tier_points)),
    ),
  );
  return { customers, page: text ? 1 : page, pageSize: text ? 50 : PAGE_SIZE, hasMore };
}

function toEntry(row: LedgerWithOrderRow): ConsoleLedgerEntry {
  const entry: ConsoleLedgerEntry = {
    id: String(row.id),
    kind: row.kind as EntryKind,
    points: row.points,
    occurredAt: iso(row.occurred_at || row.created_at),
    recordedAt: iso(row.created_at),
  };
  if (row.pending_until !== null) entry.pendingUntil = iso(row.pending_until);
  if (row.order_id) entry.orderId = row.order_id;
  if (row.reward_id) entry.rewardId = row.reward_id;
  if (row.reason) entry.reason = row.reason;
  if (row.channel && row.placed_at !== null && row.multiplier !== null && row.subtotal_minor !== null && row.currency)
    entry.order = {
      channel: row.channel === "store" ? "store" : "online",
      multiplier: row.multiplier,
      subtotal: fromMinor(row.subtotal_minor, row.currency),
      placedAt: iso(row.placed_at),
    };
  return entry;
}

/** A page of the customer's ledger, newest first, each earning with its order's channel and multiplier. */
export async function consoleLedger(services: Services, shop: Shop, id: string, cursor?: number): Promise<ConsoleCustomer["ledger"]> {
  const rows = await ledgerWithOrders(services.driver.read, shop.id, id, LEDGER_PAGE + 1, cursor);
  const page = rows.slice(0, LEDGER_PAGE);
  const last = page.at(-1);
  return { entries: page.map(toEntry), nextCursor: rows.length > LEDGER_PAGE && last ? String(last.id) : null };
}

/** Balance, tier, ledger and both sides of the customer's referrals, for the console. */
export async function consoleCustomer(services: Services, shop: Shop, id: string): Promise<ConsoleCustomer> {
  const details = await customerDetails(services, shop, id);
  const read = services.driver.read;
  const latest = await referrals.latestInvolving(read, shop.id, id, REFERRALS_SHOWN);
  const visits = await referralVisits.countOf(read, shop.id, id);
  return {
    details,
    ledger: await consoleLedger(services, shop, id),
    referrals: latest.map((row) => ({
      role: row.referrer_id === id ? ("referrer" as const) : ("friend" as const),
      otherCustomerId: row.referrer_id === id ? row.friend_id : row.referrer_id,
      status: row.status,
      reason: row.reason,
      points: row.points,
      createdAt: iso(row.created_at),
    })),
    referralVisits: visits,
  };
}
