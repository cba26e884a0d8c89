import { DAY } from "../../../contract/time.ts";
import type { InstallChecklist, InstallInfo } from "../../../contract/index.ts";
import { retiringKeys } from "../../storage/repository.ts";
import { recentOrders, widgetOrigins } from "../../storage/widget-origins.ts";
import type { Services, Shop } from "../services.ts";

/** The script tag a shop pastes; the token attribute is filled by the shop's backend for signed-in shoppers. */
export function embedSnippet(endpoint: string, shopId: string): string {
  return `<script async src="${endpoint}/loyalty.js" data-shop="${shopId}" data-customer-token="TOKEN"></script>`;
}

/** What the Install page shows: the snippet, the allowed origins and the state of the keys (never the keys). */
export async function installInfo(services: Services, shop: Shop, endpoint: string): Promise<InstallInfo> {
  const now = services.now();
  const retiring = (await retiringKeys.ofShop(services.driver.read, shop.id)).filter((key) => key.expires_at > now);
  const until = (kind: string) => retiring.filter((key) => key.kind === kind).map((key) => ({ validUntil: new Date(key.expires_at).toISOString() }));
  return {
    shopId: shop.id,
    endpoint,
    snippet: embedSnippet(endpoint, shop.id),
    allowedOrigins: shop.allowedOrigins,
    retiringSecretKeys: until("secret_key"),
    signingSecrets: { count: shop.signingSecrets.length, retiring: until("signing_secret") },
  };
}

/** The Install page's checklist: the sites that loaded the widget lately, and whether orders arrive. */
export async function installChecklist(services: Services, shop: Shop): Promise<InstallChecklist> {
  const read = services.driver.read;
  const [seen, orders] = await Promise.all([widgetOrigins.ofShop(read, shop.id), recentOrders(read, shop.id, services.now() - DAY)]);
  return {
    widgetSeen: seen.map((row) => ({
      origin: row.origin,
      // the shop's list now decides: an origin refused before and allowed since counts as allowed
      allowed: shop.allowedOrigins.includes(row.origin),
      lastSeenAt: new Date(row.last_seen_at).toISOString(),
    })),
    latestOrder: orders.latest
      ? { placedAt: new Date(orders.latest.placed_at).toISOString(), recordedAt: new Date(orders.latest.created_at).toISOString() }
      : null,
    ordersLastDay: orders.lastDay,
  };
}
