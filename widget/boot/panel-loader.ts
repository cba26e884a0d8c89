import type { WidgetBoot } from "../../contract/widget.ts";
import { matches } from "../schema/check.ts";
import type { PanelModule, WidgetState } from "../seam.ts";
import { type Store, store } from "../store.ts";
import type { Setup } from "./config.ts";
import type { Events } from "./events.ts";
import type { Host } from "./host.ts";
import { panelPath, request } from "./request.ts";
import { createWords } from "../../contract/words.ts";

/** The panel's file name, content-hashed by the build (vite.config.ts); tests load the panel from source instead. */
declare const __LOYALTY_PANEL_FILE__: string | undefined;
const panelFile = typeof __LOYALTY_PANEL_FILE__ === "string" ? __LOYALTY_PANEL_FILE__ : "loyalty-panel.js";

interface PanelLoad {
  setup: Setup;
  boot: WidgetBoot;
  host: Host;
  $state: Store<WidgetState>;
  events: Events;
  update(change: Partial<WidgetState>): void;
  open(section?: unknown): void;
  close(): void;
  reload(): Promise<void>;
  importPanel(url: string): Promise<PanelModule>;
}

/**
 * Loads the panel's file (an ES module beside loyalty.js) and its answer side by side, and mounts it with the seam (seam.ts).
 * A file that doesn't load leaves the panel "failed": the launcher says so, and the next open tries again.
 */
export async function loadPanel({ setup, boot, host, $state, events, update, importPanel, ...actions }: PanelLoad) {
  const requestPanel = (locale: string, version: string) => request(setup, panelPath(locale, version));
  const panelAnswer = requestPanel(boot.locale, boot.panel.version);
  let module: PanelModule;
  try {
    module = await importPanel(new URL(panelFile, setup.src).href);
  } catch {
    update({ panel: "failed", open: false });
    events.emit("error", { code: "network_error", message: "the panel did not load" });
    return undefined;
  }
  const mounted = module.mountPanel({
    ...actions,
    root: host.shadow,
    slot: host.slot,
    $state,
    request: (path, init) => request(setup, path, init),
    token: () => setup.token,
    check: matches,
    store,
    words: (locale, texts) => createWords(locale, texts, $state.get().boot?.theme.pointsName ?? boot.theme.pointsName),
    emit: events.emit,
    listens: events.listens,
    panelAnswer,
    requestPanel,
  });
  update({ panel: "ready" });
  return mounted;
}
