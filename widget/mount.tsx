import { render } from "preact";
import { currentView, viewStores } from "./stores/view.ts";
import css from "./theme/widget.css?inline";
import { tokenCss } from "./theme/tokens.ts";
import { App } from "./ui/app.tsx";

/** A transformed or filtered body would trap `position: fixed`; the host then goes on <html>. */
function hostParent() {
  const body = document.body;
  const { transform, filter, perspective } = getComputedStyle(body);
  return [transform, filter, perspective].some((value) => value !== "none") ? document.documentElement : body;
}

/** Adds the one host element with its open shadow root and renders the view into it; returns the teardown. */
export function mount() {
  const host = document.createElement("div");
  host.setAttribute("data-loyalty-host", "");
  const shadow = host.attachShadow({ mode: "open" });
  // one constructable sheet: the theme tokens, then the widget's styles (written again only when the tokens change)
  const sheet = new CSSStyleSheet();
  shadow.adoptedStyleSheets = [sheet];
  hostParent().appendChild(host);
  let wasOpen = false;
  let tokenText = "";
  let tick: ReturnType<typeof setTimeout> | undefined;
  const draw = () => {
    const view = currentView();
    const tokens = view && tokenCss(view.theme);
    if (tokens && tokens !== tokenText) {
      tokenText = tokens;
      sheet.replaceSync(tokens + css);
    }
    render(view && <App {...view} />, shadow);
    // focus goes into the dialog when it opens and back to the launcher when it closes
    const open = !!view?.panel.open;
    if (open !== wasOpen) shadow.querySelector<HTMLElement>(open ? "[part=panel]" : "[part=launcher]")?.focus();
    wasOpen = open;
    // the campaign countdown: drawn again every second while the panel is open during a campaign
    clearTimeout(tick);
    if (open && view.payload.program.campaigns.active) tick = setTimeout(draw, 1000);
  };
  const unlisten = viewStores.map((store) => store.listen(draw));
  draw();
  return () => {
    clearTimeout(tick);
    for (const stop of unlisten) stop();
    render(null, shadow);
    host.remove();
  };
}
