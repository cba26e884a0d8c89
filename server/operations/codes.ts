import type { DiscountCodeInfo } from "../../contract/index.ts";
import { type CodeUseFacts, judgeCodeUse } from "../domain/codes.ts";
import type { Queries } from "../storage/driver.ts";
import { type CodeRow, type CustomerRow, codes, customers } from "../storage/repository.ts";
import { ApiError } from "./errors.ts";
import type { Services, Shop } from "./services.ts";

/** The customer presenting a code: a stored one, or one the endpoint has not seen yet. */
type Presenter = Pick<CustomerRow, "id" | "email" | "orders_count"> | { id: string; email: null; orders_count: 0 };

/** The facts `judgeCodeUse` needs about a code presented by `customer`, reading a welcome code's referrer. */
export async function codeUseFacts(
  q: Queries,
  shop: Shop,
  code: CodeRow,
  customer: Presenter,
  at: number,
  welcomeAlreadyApplied = false,
): Promise<CodeUseFacts> {
  const referrer = code.referrer_id ? await customers.get(q, shop.id, code.referrer_id) : undefined;
  return codeUseFactsOf(code, customer, at, referrer, welcomeAlreadyApplied);
}

/**
 * The same facts from rows already read: the order planned on PostgreSQL reads its codes with its other facts, and
 * judges only codes without a referrer (`referrer` then undefined).
 */
export function codeUseFactsOf(
  code: CodeRow,
  customer: Presenter,
  at: number,
  referrer: Pick<CustomerRow, "id" | "email"> | undefined,
  welcomeAlreadyApplied = false,
): CodeUseFacts {
  return {
    kind: code.kind,
    ownerId: code.customer_id,
    usedByOrder: code.used_by_order,
    expiresAt: code.expires_at,
    at,
    customerId: customer.id,
    customerEmail: customer.email,
    customerPreviousOrders: customer.orders_count,
    referrer: referrer ? { id: referrer.id, email: referrer.email } : null,
    welcomeAlreadyApplied,
  };
}

/**
 * What a code gives and whether it can still be used, for the shop's checkout to apply it; with `customerId`, whether
 * that customer may use it (a reward code is its redeemer's, a welcome code a new customer's who is not the referrer).
 */
export async function lookUpCode(services: Services, shop: Shop, given: string, customerId?: string): Promise<DiscountCodeInfo> {
  const read = services.driver.read;
  const row = given.length <= 64 ? await codes.get(read, shop.id, given) : undefined;
  if (!row) throw new ApiError("not_found", "no such code in this shop");
  const now = services.now();
  let status: DiscountCodeInfo["status"] = row.used_by_order ? "used" : row.expires_at < now ? "expired" : "usable";
  if (status === "usable" && customerId !== undefined) {
    const customer = (await customers.get(read, shop.id, customerId)) ?? { id: customerId, email: null, orders_count: 0 };
    if (!judgeCodeUse(await codeUseFacts(read, shop, row, customer, now)).usable) status = "not_for_this_customer";
  }
  return {
    code: row.code,
    kind: row.kind,
    offer: JSON.parse(row.offer) as DiscountCodeInfo["offer"],
    expiresAt: new Date(row.expires_at).toISOString(),
    status,
    usedByOrder: row.used_by_order,
  };
}
