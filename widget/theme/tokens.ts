import type { Theme } from "../../contract/theme.ts";

const tokenNames = ["accent", "accentText", "background", "text", "radius", "font", "position", "offsetX", "offsetY", "colorScheme"] as const;

/** `accentText` → `--loyalty-accent-text`. */
export const tokenProperty = (name: string) => `--loyalty-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** Writes the theme tokens as custom properties on `:host` through the CSSOM (allowed under a strict CSP). */
export function applyTokens(sheet: CSSStyleSheet, theme: Theme) {
  if (!sheet.cssRules.length) sheet.insertRule(":host{}");
  const rule = sheet.cssRules[0];
  if (!(rule instanceof CSSStyleRule)) return;
  const style = rule.style;
  for (const name of tokenNames) {
    // `inherit` as a custom property would inherit the property itself; leaving it unset inherits the shop's font.
    if (name === "font" && theme.font === "inherit") style.removeProperty(tokenProperty(name));
    else style.setProperty(tokenProperty(name), theme[name]);
  }
}
