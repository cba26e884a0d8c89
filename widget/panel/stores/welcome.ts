import type { ReferralWelcome, WidgetBoot } from "../../../contract/widget.ts";
import { schemas } from "../../schema/panel.ts";
import type { PanelHost } from "../../seam.ts";
import { readWelcome, tabStorage, visitorKey, welcomeKey } from "../welcome.ts";

/** The friend's welcome offer and code, with the referral code that brought it. */
export type Welcome = ReferralWelcome & { ref: string };

/** The tab's visitor id (a random one, made once per tab session). */
function visitor() {
  const storage = tabStorage();
  let id = storage?.getItem(visitorKey);
  if (!id || !/^[\w-]{8,64}$/.test(id)) {
    id = crypto.randomUUID();
    storage?.setItem(visitorKey, id);
  }
  return id;
}

/**
 * A friend's welcome (`?ref=CODE`): recorded once per landing, kept for the tab and shown in the wallet until she has ordered
 * (a welcome code only works on a first order) or it expires; never the member's own link.
 */
export function createWelcome(host: PanelHost, shop: string) {
  const stored = readWelcome(shop);
  const $welcome = host.store<Welcome | null>(
    host.check(schemas.ReferralWelcome, stored) && typeof (stored as Welcome).ref === "string" ? (stored as Welcome) : null,
  );
  const forget = () => {
    $welcome.set(null);
    tabStorage()?.removeItem(welcomeKey(shop));
  };
  return {
    $welcome,
    /** Drops the welcome once it can no longer be used by this shopper. */
    follow(boot: WidgetBoot | null, now: number) {
      const welcome = $welcome.get();
      const customer = boot?.customer;
      if (welcome && (Date.parse(welcome.expiresAt) <= now || (customer && (customer.ordersCount > 0 || customer.referral.code === welcome.ref))))
        forget();
    },
    /** Records the visit of a page opened with `?ref=CODE`; true when there is a welcome to show. */
    async arrive(search: string, boot: WidgetBoot) {
      const ref = new URLSearchParams(search).get("ref");
      if (!ref || boot.customer?.referral.code === ref) return false;
      // no token: a friend's visit is a guest's (a JSON body still makes it a preflighted request, which the endpoint answers)
      const result = await host.request("referral-visits", {
        method: "POST",
        body: JSON.stringify({ code: ref, visitor: visitor() }),
        headers: { "Content-Type": "application/json" },
      });
      if (!result.ok || !host.check(schemas.ReferralWelcome, result.data)) return false;
      const welcome: Welcome = { ...result.data, ref };
      $welcome.set(welcome);
      tabStorage()?.setItem(welcomeKey(shop), JSON.stringify(welcome));
      return true;
    },
  };
}
