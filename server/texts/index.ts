import type { WidgetPayload } from "../../contract/widget.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";

/** One language's widget texts by key: each a string, or plural forms by CLDR category (`Intl.PluralRules`). */
export type WidgetTexts = WidgetPayload["texts"];

/** The widget's texts for each language it ships in; the payload carries one of them, with the theme's overrides merged in. */
export const widgetTexts: Record<string, WidgetTexts> = { es, en };
