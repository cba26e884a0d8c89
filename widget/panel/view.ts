import type { WidgetBoot, WidgetPanel } from "../../contract/widget.ts";
import { schemas } from "../schema/panel.ts";
import type { PanelHost, Section } from "../seam.ts";
import { createFormats } from "./format.ts";
import type { createActivity } from "./stores/activity.ts";
import type { createCopy } from "./stores/copy.ts";
import type { createPanelData } from "./stores/panel-data.ts";
import type { createRedeem } from "./stores/redeem.ts";
import type { createSent } from "./stores/sent.ts";
import type { createWelcome } from "./stores/welcome.ts";

export interface Stores {
  host: PanelHost;
  panelData: ReturnType<typeof createPanelData>;
  redeem: ReturnType<typeof createRedeem>;
  activity: ReturnType<typeof createActivity>;
  welcome: ReturnType<typeof createWelcome>;
  copy: ReturnType<typeof createCopy>;
  sent: ReturnType<typeof createSent>;
}

/**
 * Everything the panel renders, in one value (null until the boot answer is there and checked): components get it as props and
 * only render; they change things through `stores` (the actions beside each store) and `host` (open, close).
 */
export function currentView(stores: Stores, clock: number) {
  const { host } = stores;
  const state = host.$state.get();
  const boot: WidgetBoot | null = state.boot;
  if (!host.check(schemas.WidgetBoot, boot)) return null;
  const data = stores.panelData.$panelData.get();
  const program: WidgetPanel["program"] | null = data && data !== "failed" ? data.program : null;
  // the launcher's texts are there even when the panel answer is not (a failure still says something)
  const words = host.words(boot.locale, data && data !== "failed" ? data.texts : boot.texts);
  const customer = boot.customer;
  // guests see what the program offers; the referral link and the ledger are a member's own
  const sections: Section[] = ["home", "earn", "rewards"];
  if (customer && program?.referral) sections.push("referral");
  if (customer) sections.push("activity");
  return {
    stores,
    boot,
    customer,
    /** What the member may spend: their balance, or none when it is negative. */
    balance: Math.max(0, customer?.balance ?? 0),
    program,
    failed: data === "failed",
    open: state.open,
    sections,
    section: sections.includes(state.section) ? state.section : "home",
    words,
    format: createFormats(words),
    /** The server's time, for countdowns. */
    now: Date.now() + clock,
    redeem: stores.redeem.$redeem.get(),
    redeemed: stores.redeem.$redeemed.get(),
    activity: stores.activity.$activity.get(),
    welcome: stores.welcome.$welcome.get(),
    copied: stores.copy.$copied.get(),
    applied: stores.copy.$applied.get(),
    sent: stores.sent.$sent.get(),
    /** The wallet offers "apply to cart" only where the page takes codes through `Loyalty('on', 'redeemed', ...)`. */
    canApply: host.listens("redeemed"),
    /** The member's referral link: the shop's home page with `?ref=CODE`. */
    referralLink: customer ? `${location.origin}/?ref=${encodeURIComponent(customer.referral.code)}` : "",
  };
}
export type View = NonNullable<ReturnType<typeof currentView>>;
