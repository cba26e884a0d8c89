import type { DiscountCodeInfo } from "../../contract/index.ts";
import { codes } from "../storage/repository.ts";
import { ApiError } from "./errors.ts";
import type { Services, Shop } from "./services.ts";

/** What a code gives and whether it can still be used, for the shop's checkout to apply it. */
export async function lookUpCode(services: Services, shop: Shop, given: string): Promise<DiscountCodeInfo> {
  const row = given.length <= 64 ? await codes.get(services.driver.read, shop.id, given) : undefined;
  if (!row) throw new ApiError("not_found", "no such code in this shop");
  const status = row.used_by_order ? "used" : row.expires_at < services.now() ? "expired" : "usable";
  return {
    code: row.code,
    kind: row.kind,
    offer: JSON.parse(row.offer) as DiscountCodeInfo["offer"],
    expiresAt: new Date(row.expires_at).toISOString(),
    status,
    usedByOrder: row.used_by_order,
  };
}
