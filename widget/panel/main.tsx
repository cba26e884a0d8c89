/** @jsxImportSource widget-dom */
import { render } from "./dom/render.ts";
import { schemas } from "../schema/panel.ts";
import type { PanelHost } from "../seam.ts";
import css from "./panel.css?inline";
import { createActivity } from "./stores/activity.ts";
import { createCopy } from "./stores/copy.ts";
import { createPanelData } from "./stores/panel-data.ts";
import { createRedeem } from "./stores/redeem.ts";
import { createSent } from "./stores/sent.ts";
import { createWelcome } from "./stores/welcome.ts";
import { App } from "./ui/app.tsx";
import { currentView, type Stores } from "./view.ts";

/** The theme's dark colours (checked by the boot: colour syntax only, never other keys) as `--loyalty-dark-*` on :host. */
const darkCss = (dark: Partial<Record<"accent" | "accentText" | "background" | "text", string>> = {}) =>
  `:host{${(["accent", "accentText", "background", "text"] as const)
    .map((name) => dark[name] && `--loyalty-dark-${name === "accentText" ? "accent-text" : name}:${dark[name]}`)
    .filter(Boolean)
    .join(";")}}`;

/**
 * The panel's entry (loyalty-panel-<hash>.js): adds its stylesheet, makes its stores, and draws the dialog into the boot's slot
 * whenever the boot's state or one of its stores changes (batched to one draw per task). Returns its teardown.
 */
export function mountPanel(host: PanelHost) {
  const sheet = new CSSStyleSheet();
  host.root.adoptedStyleSheets = [...host.root.adoptedStyleSheets, sheet];
  let darkTokens: string | undefined;
  const boot = host.$state.get().boot;
  const checked = host.check(schemas.WidgetBoot, boot) ? boot : null;
  const stores: Stores = {
    host,
    panelData: createPanelData(host),
    redeem: createRedeem(host),
    activity: createActivity(host),
    welcome: createWelcome(host, checked?.shop.id ?? ""),
    copy: createCopy(host),
    sent: createSent(host),
  };
  let wasOpen = false;
  let lastCustomer: unknown;
  let lastBoot: unknown;
  /** The server's clock minus this browser's, in ms, from each boot answer as it arrives: countdowns follow the server. */
  let clock = 0;
  let tick: ReturnType<typeof setTimeout> | undefined;
  let scheduled = false;

  function draw() {
    scheduled = false;
    const state = host.$state.get();
    stores.panelData.follow(state.boot);
    // another shopper (identify, logout): nothing of the last one's redemption or ledger stays on screen
    if (state.boot?.customer?.referral.code !== lastCustomer) {
      stores.redeem.reset();
      stores.activity.reset();
      stores.sent.reset();
      lastCustomer = state.boot?.customer?.referral.code;
    }
    if (state.boot !== lastBoot && state.boot) clock = Date.parse(state.boot.now) - Date.now();
    // the theme's own dark colours, if it has them (checked with the boot answer: colour syntax only)
    const tokens = darkCss(state.boot?.theme.dark);
    if (tokens !== darkTokens) sheet.replaceSync(tokens + css);
    darkTokens = tokens;
    lastBoot = state.boot;
    const view = currentView(stores, clock);
    stores.welcome.follow(state.boot, view?.now ?? Date.now());
    render(view && <App {...view} />, host.slot);
    const open = !!view?.open;
    // focus goes into the dialog when it opens (the boot gives it back to the launcher on close)
    if (open && !wasOpen) host.slot.querySelector<HTMLElement>("[part=panel]")?.focus();
    if (!open) stores.copy.$copied.set(null);
    wasOpen = open;
    // the campaign countdown: drawn again while the panel is open during a campaign
    clearTimeout(tick);
    if (open && state.boot?.campaigns.active) tick = setTimeout(schedule, 10_000);
  }
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(draw);
  }
  const all = [host.$state, stores.panelData.$panelData, stores.redeem.$redeem, stores.redeem.$redeemed, stores.activity.$activity];
  const unlisten = [...all, stores.welcome.$welcome, stores.copy.$copied, stores.copy.$applied, stores.sent.$sent].map((item) =>
    item.listen(schedule),
  );
  draw();
  // a friend arriving with ?ref=CODE: the visit is recorded and the panel opens on the welcome
  if (checked)
    void stores.welcome.arrive(location.search, checked).then((arrived) => {
      if (arrived) host.open("home");
    });

  return {
    destroy() {
      clearTimeout(tick);
      for (const stop of unlisten) stop();
      render(null, host.slot);
      host.root.adoptedStyleSheets = host.root.adoptedStyleSheets.filter((item) => item !== sheet);
    },
  };
}
