import { atom, computed } from "nanostores";
import { en } from "./en.ts";
import { es, type Texts } from "./es.ts";
import { validationLocale } from "./validation.ts";

export type ConsoleLocale = "es" | "en";
const catalogs: Record<ConsoleLocale, Texts> = { es, en };

const initial = (): ConsoleLocale => {
  const saved = typeof localStorage === "undefined" ? null : localStorage.getItem("console-locale");
  if (saved === "es" || saved === "en") return saved;
  return typeof navigator !== "undefined" && navigator.language.startsWith("en") ? "en" : "es";
};

export const $locale = atom<ConsoleLocale>(initial());
validationLocale($locale.get());
$locale.listen(validationLocale);

export function setLocale(locale: ConsoleLocale) {
  $locale.set(locale);
  localStorage.setItem("console-locale", locale);
  document.documentElement.lang = locale;
}

export type TextKey = keyof Texts;

/** Whether `key` names a text (for keys made at run time, such as an audit action the endpoint sends). */
export const hasText = (key: string): key is TextKey => Object.hasOwn(es, key);
export type Translate = (key: TextKey, values?: Record<string, string | number>) => string;

/**
 * `t("nextCampaign", { when })`: the text in the console's language with `{placeholders}` filled. A text with plural forms
 * takes the one for `count`'s CLDR category in the language (`Intl.PluralRules`), else `other`.
 */
export const $t = computed($locale, (locale): Translate => {
  const plurals = new Intl.PluralRules(locale);
  return (key, values) => {
    // `useStore($t)` calls this once with no key: to Preact's useState, a function is a lazy initial value
    const forms = catalogs[locale][key] ?? "";
    const text = typeof forms === "string" ? forms : (forms[plurals.select(Number(values?.count))] ?? forms.other);
    return values ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match)) : text;
  };
});
