import { on } from "./stores/events.ts";
import { closePanel, openPanel } from "./stores/panel.ts";
import { $setup } from "./stores/setup.ts";
import { start, type Widget } from "./widget.ts";

type Command = [name?: unknown, ...args: unknown[]];

/** `window.Loyalty`: the queue stub before load, the real page API after. */
interface LoyaltyApi {
  (...command: Command): void;
  q?: Iterable<unknown>[];
  loaded?: boolean;
}
type LoyaltyWindow = { Loyalty?: LoyaltyApi };

/** Reads the script tag once, replays the queued calls and starts the widget; a second load does nothing. */
export function boot(script: HTMLOrSVGScriptElement | null) {
  const global = window as unknown as LoyaltyWindow;
  if (global.Loyalty?.loaded) return;
  const data: DOMStringMap = script?.dataset ?? {};
  if (!data.shop) return console.warn("loyalty.js: no data-shop");
  const queued = global.Loyalty?.q ?? [];
  $setup.set({
    api: (data.api ?? new URL((script as HTMLScriptElement).src || location.href).origin).replace(/\/$/, ""),
    shop: data.shop,
    token: data.customerToken || undefined,
    data,
  });
  let widget: Widget | undefined;
  const run = ([name, ...args]: Command) => {
    if (name === "open") openPanel(args[0]);
    else if (name === "close") closePanel();
    else if (name === "on" && typeof args[0] === "string" && typeof args[1] === "function") on(args[0], args[1] as (detail: unknown) => void);
    else if (name === "identify" || name === "logout") {
      $setup.set({ ...$setup.get(), token: name === "identify" && typeof args[0] === "string" ? args[0] : undefined });
      widget?.reload();
    } else if (name === "destroy") {
      widget?.destroy();
      delete global.Loyalty;
    }
  };
  const api: LoyaltyApi = (...command) => run(command);
  api.loaded = true;
  global.Loyalty = api;
  for (const command of queued) run([...command]);
  if (global.Loyalty === api) widget = start();
}
