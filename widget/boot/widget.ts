import type { WidgetBoot } from "../../contract/widget.ts";
import { matches } from "../schema/check.ts";
import { schemas } from "../schema/boot.ts";
import { isSection, type PanelModule, type WidgetState } from "../seam.ts";
import { store } from "../store.ts";
import { type Setup, wantedLocales } from "./config.ts";
import { createEvents } from "./events.ts";
import { createHost, type Host } from "./host.ts";
import { drawLauncher } from "./launcher.ts";
import { loadPanel } from "./panel-loader.ts";
import { bootPath, request } from "./request.ts";
import { fontOf, themeWithOverrides, tokenCss } from "./theme.ts";
import { createWords } from "../../contract/words.ts";

/** The widget on one page: its state, its one boot request, its host and launcher, and the panel once it is wanted. */
export function createWidget(setup: Setup, importPanel: (url: string) => Promise<PanelModule>) {
  const $state = store<WidgetState>({ boot: null, open: false, section: "home", panel: "idle" });
  const events = createEvents();
  const update = (change: Partial<WidgetState>) => $state.set({ ...$state.get(), ...change });
  let host: Host | undefined;
  let controller: AbortController | undefined;
  let panel: { destroy(): void } | undefined;
  /** Stops the wait for idle time. */
  let cancelIdle = () => {};

  /** Loads (or reloads, after identify, logout or a redemption) the boot answer; a newer load cancels an older one. */
  async function load() {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    const result = await request(setup, bootPath(wantedLocales(setup), setup.token), { signal: current.signal });
    if (current.signal.aborted) return;
    if (!result.ok || !matches(schemas.WidgetBoot, result.data)) {
      const error = result.ok ? { code: "internal_error", message: "bad response" } : result.error;
      events.emit("error", error);
      if (error.code === "origin_not_allowed")
        console.warn(`loyalty.js: add ${location.origin} to the allowed origins of shop "${setup.shop}": ${error.message}`);
      return;
    }
    const boot: WidgetBoot = result.data;
    // a refused token: the guest view is drawn, and the page hears why
    if (boot.sessionError) events.emit("error", boot.sessionError);
    update({ boot });
  }

  /** Loads the panel's file and answer if they are neither loaded nor loading (once there is a host to draw in). */
  function wantPanel() {
    const { boot, panel: step } = $state.get();
    if (!boot || !host || step === "loading" || step === "ready") return;
    cancelIdle();
    update({ panel: "loading" });
    loadPanel({ setup, boot, host, $state, events, update, open, close, reload: load, importPanel }).then((mounted) => {
      // destroyed meanwhile: the panel goes too
      if (host) panel = mounted;
      else mounted?.destroy();
    });
  }

  /** Opens the panel at `section` (one it doesn't know: home; none: where it was). */
  function open(section: unknown = $state.get().section) {
    const wasOpen = $state.get().open;
    update({ open: true, section: isSection(section) ? section : "home" });
    if (!wasOpen) events.emit("open", { section: $state.get().section });
    wantPanel();
  }
  function close() {
    if (!$state.get().open) return;
    update({ open: false });
    events.emit("close");
    // focus goes back to the launcher when it was in the widget
    if (host?.shadow.activeElement) host.launcher.focus();
  }
  const followHash = () => {
    const match = /^#loyalty-(\w+)$/.exec(location.hash);
    if (match && isSection(match[1])) open(match[1]);
  };

  /** Draws the launcher (and the tokens) for the state. */
  function draw({ boot, ...state }: WidgetState) {
    if (!host || !boot) return;
    const theme = themeWithOverrides(boot.theme, setup.data);
    host.setTokens(tokenCss(theme, fontOf(theme)));
    host.root.className = `widget ${theme.position} scheme-${theme.colorScheme}`;
    host.root.lang = boot.locale;
    drawLauncher(host, { boot, ...state }, boot, createWords(boot.locale, boot.texts, theme.pointsName));
  }

  /** Adds the host once <body> is there; the panel then loads at idle time, or at once if it is already wanted. */
  function mount() {
    if (host || !$state.get().boot) return;
    host = createHost();
    host.launcher.onclick = () => ($state.get().open ? close() : open());
    host.launcher.onkeydown = (event) => {
      if (event.key === "Escape") close();
    };
    draw($state.get());
    if ($state.get().open || new URLSearchParams(location.search).has("ref")) return wantPanel();
    if (typeof requestIdleCallback === "function") {
      const handle = requestIdleCallback(wantPanel, { timeout: 4000 });
      cancelIdle = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(wantPanel, 1500);
      cancelIdle = () => clearTimeout(handle);
    }
  }
  const unlisten = $state.listen((state) => {
    if (!host) return document.body ? mount() : document.addEventListener("DOMContentLoaded", mount, { once: true });
    draw(state);
  });

  return {
    events,
    open,
    close,
    /** The first load: draws when the answer is there, says it is ready, and follows a `#loyalty-<section>` link. */
    async start() {
      addEventListener("hashchange", followHash);
      await load();
      if (!$state.get().boot) return;
      events.emit("ready", { member: $state.get().boot?.customer !== null });
      followHash();
    },
    /** A new customer token (identify), or none (logout): the boot answer again, for that shopper. */
    setToken(token: string | undefined) {
      setup.token = token;
      return load();
    },
    /** Removes every node, listener and timer the widget added. */
    destroy() {
      controller?.abort();
      cancelIdle();
      unlisten();
      panel?.destroy();
      removeEventListener("hashchange", followHash);
      document.removeEventListener("DOMContentLoaded", mount);
      host?.element.remove();
      host = undefined;
      events.clear();
    },
  };
}
export type Widget = ReturnType<typeof createWidget>;
