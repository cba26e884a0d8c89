import type { PanelModule } from "../seam.ts";
import { readSetup } from "./config.ts";
import { createWidget, type Widget } from "./widget.ts";

type Command = [name?: unknown, ...args: unknown[]];

/** `window.Loyalty`: the queue stub before load, the real page API after. */
interface LoyaltyApi {
  (...command: Command): void;
  q?: Iterable<unknown>[];
  loaded?: boolean;
}
type LoyaltyWindow = { Loyalty?: LoyaltyApi };

export interface BootOptions {
  /** How to load the panel's module: by default, `import()` of the file beside loyalty.js. */
  importPanel?: (url: string) => Promise<PanelModule>;
}

const importModule = (url: string) => import(/* @vite-ignore */ url) as Promise<PanelModule>;

/** Reads the script tag once, replays the queued calls and starts the widget; a second load does nothing. */
export function boot(script: HTMLOrSVGScriptElement | null, options: BootOptions = {}) {
  const global = window as unknown as LoyaltyWindow;
  if (global.Loyalty?.loaded) return;
  const setup = readSetup(script);
  if (!setup) return console.warn("loyalty.js: no data-shop");
  const queued = global.Loyalty?.q ?? [];
  const widget: Widget = createWidget(setup, options.importPanel ?? importModule);
  let started = false;
  const run = ([name, ...args]: Command) => {
    if (name === "open") widget.open(args[0]);
    else if (name === "close") widget.close();
    else if (name === "on" && typeof args[0] === "string" && typeof args[1] === "function")
      widget.events.on(args[0], args[1] as (detail: unknown) => void);
    else if (name === "identify" || name === "logout") {
      const token = name === "identify" && typeof args[0] === "string" ? args[0] : undefined;
      // before the first load, a queued identify only sets the token that load will use
      if (started) void widget.setToken(token);
      else setup.token = token;
    } else if (name === "destroy") {
      widget.destroy();
      delete global.Loyalty;
    }
  };
  const api: LoyaltyApi = (...command) => run(command);
  api.loaded = true;
  global.Loyalty = api;
  for (const command of queued) run([...command]);
  if (global.Loyalty !== api) return;
  started = true;
  void widget.start();
}
