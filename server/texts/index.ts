import { en } from "./en.ts";
import { es } from "./es.ts";

/** The widget's texts for each language it ships in; the payload carries one of them, with the theme's overrides merged in. */
export const widgetTexts: Record<string, Record<string, string>> = { es, en };
