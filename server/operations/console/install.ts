import type { InstallInfo } from "../../../contract/index.ts";
import { retiringKeys } from "../../storage/repository.ts";
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
