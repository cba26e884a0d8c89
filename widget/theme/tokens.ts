import type { Theme } from "../../contract/theme.ts";

const tokenNames = ["accent", "accentText", "background", "text", "radius", "font", "position", "offsetX", "offsetY", "colorScheme"] as const;

/**
 * The theme tokens as custom properties on `:host` (`accentText` → `--loyalty-accent-text`), written into a constructable
 * stylesheet (allowed under a strict CSP). Every value has passed the contract's token checks, which allow no `;`, `{` or `}`.
 * `inherit` as a custom property would inherit the property itself; left unset, the shop's font family stays.
 */
export const tokenCss = (theme: Theme) =>
  `:host{${tokenNames
    .filter((name) => name !== "font" || theme.font !== "inherit")
    .map((name) => `--loyalty-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}:${theme[name]}`)
    .join(";")}}`;
