import { type WidgetTextDefaults, WidgetLocale } from "../../../contract/index.ts";
import { widgetTexts } from "../../texts/index.ts";

/** The widget's texts in each language it speaks (the contract's list), with the language's plural categories. */
export function widgetTextDefaults(): WidgetTextDefaults {
  return {
    locales: WidgetLocale.options.map((locale) => ({
      locale,
      pluralCategories: new Intl.PluralRules(locale).resolvedOptions().pluralCategories,
      texts: widgetTexts[locale] ?? {},
    })),
  };
}
