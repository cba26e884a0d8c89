import type { Theme } from "../../contract/theme.ts";
import { matches } from "../schema/check.ts";
import { schemas } from "../schema/contract.ts";
import type { WidgetPayload } from "../../contract/widget.ts";
import type { Setup } from "./setup.ts";

/** `data-theme-*` attributes that pass the contract's token checks (e.g. `data-theme-accent="#0a7"`). */
export function themeOverrides(dataset: DOMStringMap): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const [key, schema] of Object.entries(schemas.Theme)) {
    const value = dataset[`theme${key[0]!.toUpperCase()}${key.slice(1)}`];
    if (value !== undefined && matches(schema, value)) overrides[key] = value;
  }
  return overrides;
}

/** The marketer's saved theme (checked with the payload) with the page's `data-theme-*` overrides (checked one by one) on top. */
export const themeOf = (payload: WidgetPayload, setup: Setup): Theme => ({ ...payload.theme, ...themeOverrides(setup.data) });
