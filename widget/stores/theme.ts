import { computed } from "nanostores";
import { defaultTheme, Theme } from "../../contract/theme.ts";
import { $payload } from "./payload.ts";
import { pickLocale, words } from "../i18n/index.ts";
import { $setup } from "./setup.ts";

/** `data-theme-*` attributes that pass the contract's token checks (e.g. `data-theme-accent="#0a7"`). */
export function themeOverrides(dataset: DOMStringMap): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const [key, schema] of Object.entries(Theme.shape)) {
    const value = dataset[`theme${key[0]!.toUpperCase()}${key.slice(1)}`];
    if (value !== undefined && schema.safeParse(value).success) overrides[key] = value;
  }
  return overrides;
}

/** The marketer's saved theme with the page's overrides on top. */
export const $theme = computed([$payload, $setup], (payload, setup): Theme => {
  const saved = payload?.theme ?? defaultTheme;
  const merged = Theme.safeParse({ ...saved, ...setup.theme });
  return merged.success ? merged.data : saved;
});

export const $locale = computed([$setup, $payload], (setup, payload) => pickLocale([...setup.locales, payload?.shop.defaultLocale]));

/** Texts and formats for the shopper's language and the theme's words. */
export const $words = computed([$locale, $theme, $payload], (locale, theme, payload) => words(locale, theme, payload?.shop.currency ?? "EUR"));
