import { type Child, Fragment, h } from "./render.ts";

// JSX's automatic runtime for the panel (each .tsx file says `@jsxImportSource widget-dom`, an alias of this folder in
// tsconfig.json, vite.config.ts and vitest.config.ts): `<div class="x">…</div>` is `jsx("div", { class: "x", children })`.

type Props = Record<string, unknown> & { children?: Child };

export function jsx(type: Parameters<typeof h>[0], { children, ...props }: Props): Child {
  return h(type, props, children);
}
export { Fragment, jsx as jsxs, jsx as jsxDEV };

export declare namespace JSX {
  type Element = Child;
  interface IntrinsicElements {
    [tag: string]: Record<string, unknown>;
  }
  interface ElementChildrenAttribute {
    children: unknown;
  }
}
