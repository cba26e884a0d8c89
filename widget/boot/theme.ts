import type { Theme } from "../../contract/theme.ts";
import { matches } from "../schema/check.ts";
import { schemas } from "../schema/boot.ts";

/** The page's `data-theme-*` attributes that pass the token checks (`data-theme-accent="#0a7"`), on top of the saved theme. */
export function themeWithOverrides(theme: Theme, dataset: DOMStringMap): Theme {
  const overrides: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(schemas.Theme)) {
    const value = dataset[`theme${key[0]!.toUpperCase()}${key.slice(1)}`];
    if (value !== undefined && matches(schema, value)) overrides[key] = value;
  }
  return { ...theme, ...overrides };
}

/** The font when the theme says `inherit` but the page sets none: a system stack rather than the browser's serif default. */
const systemFonts = "system-ui, sans-serif";
const browserDefault = /^["']?(times( new roman)?|serif|-webkit-standard)["']?$/i;

/** The font family the widget uses: the theme's, else the shop's own, else a system stack. */
export function fontOf(theme: Theme) {
  if (theme.font !== "inherit") return theme.font;
  return browserDefault.test(getComputedStyle(document.body ?? document.documentElement).fontFamily) ? systemFonts : "inherit";
}

const property = (name: string) => `--loyalty-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
const tokenNames = ["accent", "accentText", "background", "text", "radius", "position", "offsetX", "offsetY", "colorScheme"] as const;

/**
 * The theme tokens as custom properties on `:host` (`accentText` → `--loyalty-accent-text`), for a constructable stylesheet
 * (allowed under a strict CSP); the panel adds the dark colours it uses. Every value has passed the token checks, which allow no
 * `;`, `{`, `}` or `url(`. `--loyalty-font: inherit` leaves the shop's font.
 */
export function tokenCss(theme: Theme, font: string) {
  const declarations = tokenNames.map((name) => `${property(name)}:${theme[name]}`);
  return `:host{${declarations.join(";")};--loyalty-font:${font}}`;
}
