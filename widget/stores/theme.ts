import { computed } from "nanostores";
import type { Theme } from "../../contract/theme.ts";
import { matches } from "../schema/check.ts";
import { schemas } from "../schema/contract.ts";
import { $payload } from "./payload.ts";
import { pickLocale, words } from "../i18n/index.ts";
import { $setup } from "./setup.ts";

/** `data-theme-*` attributes that pass the contract's token checks (e.g. `data-theme-accent="#0a7"`). */
export function themeOverrides(dataset: DOMStringMap): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const [key, schema] of Object.entries(schemas.Theme)) {
    const value = dataset[`theme${key[0]!.toUpperCase()}${key.slice(1)}`];
    if (value !== undefined && matches(schema, value)) overrides[key] = value;
  }
  return overrides;
}

/** The marketer's saved theme with the page's overrides on top; null until the payload arrives. */
export const $theme = computed([$payload, $setup], (payload, setup): Theme | null => {
  if (!payload) return null;
  const merged = { ...payload.theme, ...setup.theme };
  return matches(schemas.Theme, merged) ? merged : payload.theme;
});

export const $locale = computed([$setup, $payload], (setup, payload) => pickLocale([...setup.locales, payload?.shop.defaultLocale]));

/** Texts and formats for the shopper's language and the theme's words; null until the payload arrives. */
export const $words = computed(
  [$locale, $theme, $payload],
  (locale, theme, payload) => theme && payload && words(locale, theme, payload.shop.currency),
);
