import { useStore } from "@nanostores/preact";
import { WidgetLocale } from "../../contract/index.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $session } from "../stores/session.ts";
import { TextField } from "./fields.tsx";

/** The languages the widget speaks (the contract's list), the shop's default first. */
export function widgetLocales(defaultLocale = "es"): string[] {
  const all: string[] = [...WidgetLocale.options];
  return [...all.filter((locale) => locale === defaultLocale), ...all.filter((locale) => locale !== defaultLocale)];
}

/** "español", "English": a language's name in the console's language. */
export function languageName(code: string, consoleLocale: string): string {
  try {
    return new Intl.DisplayNames([consoleLocale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A merchant text in every language the widget speaks: the shop's default language shown, the others behind a disclosure
 * (with nine languages a title would otherwise take nine rows).
 */
export function LocalizedFields(props: {
  path: string;
  label: (language: string) => string;
  value: Record<string, string>;
  errors: Record<string, string>;
  onInput: (locale: string, value: string) => void;
}) {
  const t = useStore($t);
  const consoleLocale = useStore($locale);
  const session = useStore($session);
  const [first, ...others] = widgetLocales(session?.shop?.defaultLocale);
  const field = (locale: string) => (
    <TextField
      key={locale}
      path={`${props.path}.${locale}`}
      label={props.label(languageName(locale, consoleLocale))}
      lang={locale}
      value={props.value[locale] ?? ""}
      error={props.errors[`${props.path}.${locale}`]}
      onInput={(value) => props.onInput(locale, value)}
    />
  );
  const filled = others.filter((locale) => props.value[locale]).length;
  return (
    <>
      {first && field(first)}
      {others.length > 0 && (
        <details class="translations" open={others.some((locale) => props.errors[`${props.path}.${locale}`])}>
          <summary>{t("translations", { filled, total: others.length })}</summary>
          {others.map(field)}
        </details>
      )}
    </>
  );
}
