import css from "./launcher.css?inline";

const svgNamespace = "http://www.w3.org/2000/svg";

/** Adds an element (an SVG one when `attributes` are given) to `parent`. Presentation attributes, never inline styles: fine under a strict CSP. */
function add<T extends Element = HTMLElement>(parent: Node, name: string, className: string, attributes?: Record<string, string | number>): T {
  const element = attributes ? document.createElementNS(svgNamespace, name) : document.createElement(name);
  element.setAttribute("class", className);
  for (const [key, value] of Object.entries(attributes ?? {})) element.setAttribute(key, String(value));
  parent.appendChild(element);
  return element as unknown as T;
}

/** A transformed or filtered body would trap `position: fixed`; the host then goes on <html>. */
function hostParent() {
  const body = document.body;
  const { transform, filter, perspective } = getComputedStyle(body);
  return [transform, filter, perspective].some((value) => value !== "none") ? document.documentElement : body;
}

/**
 * Adds the page's one host element, with its open shadow root and constructable stylesheet, the widget's root (its classes carry
 * the side and colour scheme), the panel's slot and the launcher: a ring with an icon, a label and a status line.
 */
export function createHost() {
  const element = document.createElement("div");
  element.setAttribute("data-loyalty-host", "");
  const shadow = element.attachShadow({ mode: "open" });
  const sheet = new CSSStyleSheet();
  shadow.adoptedStyleSheets = [sheet];
  const root = add(shadow, "div", "widget");
  const slot = add(root, "div", "slot");
  const launcher = add<HTMLButtonElement>(root, "button", "launcher");
  launcher.setAttribute("part", "launcher");
  launcher.setAttribute("aria-haspopup", "dialog");
  // the ring has no text of its own: it adds nothing to the button's accessible name
  const ring = add(launcher, "svg", "launcher-ring", { viewBox: "0 0 40 40" });
  add(ring, "circle", "ring-track", { cx: 20, cy: 20, r: 18 });
  const text = add(launcher, "span", "launcher-text");
  hostParent().appendChild(element);
  let tokens = "";
  return {
    element,
    shadow,
    root,
    slot,
    launcher,
    ringFill: add(ring, "circle", "ring-fill", { cx: 20, cy: 20, r: 18, pathLength: 100, "stroke-dasharray": 100 }),
    icon: add(ring, "path", "launcher-icon", { transform: "translate(8 8)" }),
    label: add(text, "span", "launcher-label"),
    status: add(text, "span", "launcher-status"),
    /** Writes the theme tokens before the launcher's styles, only when they change. */
    setTokens(next: string) {
      if (next !== tokens) sheet.replaceSync(next + css);
      tokens = next;
    },
  };
}
export type Host = ReturnType<typeof createHost>;
