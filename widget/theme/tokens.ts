import type { Theme } from "../../contract/theme.ts";

const tokenNames = ["accent", "accentText", "background", "text", "radius", "font", "position", "offsetX", "offsetY", "colorScheme"] as const;

/**
 * The theme tokens as custom properties on `:host` (`accentText` → `--loyalty-accent-text`), written into a constructable
 * stylesheet (allowed under a strict CSP). Every value has passed the contract's token checks, which allow no `;`, `{` or `}`.
 * `--loyalty-font: inherit` takes the page's (unset) custom property: `font-family: var(--loyalty-font)` is then invalid, and
 * the font family inherits the shop's.
 */
export const tokenCss = (theme: Theme) =>
  `:host{${tokenNames.map((name) => `--loyalty-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}:${theme[name]}`).join(";")}}`;
