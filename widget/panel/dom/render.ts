// The panel's renderer: JSX builds real DOM nodes (`h`), and `render` morphs what is on screen into them, changing only what
// differs. Focused controls, scroll positions and running animations stay, because unchanged nodes are the same nodes. It
// does what Preact did for this panel in a sixth of Preact's bytes (the budget of contract 7.1); nothing else here needs more.

export type Child = Node | string | number | boolean | null | undefined | Child[];
type Props = Record<string, unknown> | null;
/** A component: a function of its props (with `children`) to nodes. */
type Component<P> = (props: P & { children?: Child }) => Child;

const svgTags = new Set(["svg", "path", "circle"]);
/** Event handlers are set as properties (`onclick`), never as attribute markup: allowed under a strict CSP. */
const events = ["onclick", "onkeydown", "onfocus"] as const;

/** A JSX element: components are called at once; tags become DOM elements with their attributes, styles and handlers. */
export function h<P>(type: string | Component<P>, props: Props, ...children: Child[]): Child {
  if (typeof type === "function") return type({ ...(props as P), children });
  const element = svgTags.has(type) ? document.createElementNS("http://www.w3.org/2000/svg", type) : document.createElement(type);
  for (const [name, value] of Object.entries(props ?? {})) {
    // a handler's return value is dropped: a DOM property handler that returns false would cancel the event's default
    if (name.startsWith("on"))
      (element as unknown as Record<string, unknown>)[name.toLowerCase()] = (event: Event) => void (value as (event: Event) => unknown)(event);
    // a style object sets custom properties through the CSSOM (never a style attribute, which a strict CSP refuses)
    else if (name === "style")
      for (const [property, setting] of Object.entries(value as object)) (element as HTMLElement).style.setProperty(property, String(setting));
    else if (value !== false && value != null && name !== "key") element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...nodes(children));
  return element;
}

/** `<>…</>`: its children as they are. */
export const Fragment = ({ children }: { children?: Child }) => children;

/** The nodes of some children: arrays flattened, text made of strings and numbers, nothing of null, undefined and booleans. */
function nodes(children: Child): Node[] {
  if (Array.isArray(children)) return children.flatMap(nodes);
  if (children == null || typeof children === "boolean") return [];
  return [typeof children === "object" ? children : document.createTextNode(String(children))];
}

/** Makes `current` look like `next`, keeping `current` where both are the same kind of node. */
function morph(current: Node, next: Node) {
  if (current.nodeName !== next.nodeName) return current.parentNode?.replaceChild(next, current);
  if (!(current instanceof Element && next instanceof Element)) {
    if (current.nodeValue !== next.nodeValue) current.nodeValue = next.nodeValue;
    return;
  }
  for (const { name } of [...current.attributes]) if (!next.hasAttribute(name) && name !== "style") current.removeAttribute(name);
  for (const { name, value } of [...next.attributes]) if (current.getAttribute(name) !== value && name !== "style") current.setAttribute(name, value);
  // styles through the CSSOM, as `h` set them (a style attribute written as markup is what a strict CSP refuses)
  if (current.getAttribute("style") !== next.getAttribute("style")) (current as HTMLElement).style.cssText = (next as HTMLElement).style.cssText;
  for (const event of events) (current as unknown as Record<string, unknown>)[event] = (next as unknown as Record<string, unknown>)[event];
  if (current instanceof HTMLInputElement && current.value !== (next as HTMLInputElement).value) current.value = (next as HTMLInputElement).value;
  morphChildren(current, [...next.childNodes]);
}

function morphChildren(parent: Node, next: Node[]) {
  const current = [...parent.childNodes];
  next.forEach((node, index) => {
    const old = current[index];
    if (old) morph(old, node);
    else parent.appendChild(node);
  });
  for (const extra of current.slice(next.length)) extra.remove();
}

/** Draws `content` into `container`, morphing what is there. */
export const render = (content: Child, container: Node) => morphChildren(container, nodes(content));
