import { useStore } from "@nanostores/preact";
import { $locale, $t } from "../i18n/index.ts";
import { $textDefaults, $themeDraft, $themeErrors, setPluralText, setTextOverride, setThemeToken } from "../stores/theme.ts";
import { TextField } from "./fields.tsx";
import { languageName } from "./localized.tsx";

type Overrides = Record<
  string,
  { launcherLabel?: string; programName?: string; pointsName?: { one?: string; other?: string }; texts?: Record<string, unknown> }
>;

/**
 * Every text of the widget in one language, each field empty until overridden, the widget's own text as its placeholder.
 * A plural text has one field per plural category of the language (`one`, `other`, ...). For a language other than the
 * shop's default, the program's words (launcher label, program name, points) come first.
 */
export function LanguageTexts({ locale, isDefault }: { locale: string; isDefault: boolean }) {
  const t = useStore($t);
  const consoleLocale = useStore($locale);
  const draft = useStore($themeDraft);
  const errors = useStore($themeErrors);
  const defaults = useStore($textDefaults)?.find((entry) => entry.locale === locale);
  const overrides = (draft?.locales as Overrides | undefined)?.[locale] ?? {};
  const texts = overrides.texts ?? {};
  const base = `locales.${locale}`;
  const field = (
    path: string,
    label: string,
    value: string,
    placeholder?: string,
    maxLength?: number,
    onInput = (next: string) => setThemeToken(path, next),
  ) => (
    <TextField
      key={path}
      path={path}
      label={label}
      lang={locale}
      value={value}
      placeholder={placeholder}
      maxLength={maxLength}
      error={errors[path]}
      onInput={onInput}
    />
  );
  const overridden = Object.keys(texts).length;
  return (
    <details class="language-texts">
      <summary>{t("textsIn", { language: languageName(locale, consoleLocale), count: overridden })}</summary>
      {!isDefault && (
        <div class="fields-grid">
          {field(`${base}.launcherLabel`, t("launcherLabel"), overrides.launcherLabel ?? "", undefined, 24)}
          {field(`${base}.programName`, t("programName"), overrides.programName ?? "")}
          {field(`${base}.pointsName.one`, t("pointsOne"), overrides.pointsName?.one ?? "")}
          {field(`${base}.pointsName.other`, t("pointsOther"), overrides.pointsName?.other ?? "")}
        </div>
      )}
      {!defaults && <p>{t("loading")}</p>}
      <div class="fields-grid texts">
        {defaults &&
          Object.entries(defaults.texts).map(([key, text]) =>
            typeof text === "string" ? (
              field(`${base}.texts.${key}`, key, typeof texts[key] === "string" ? (texts[key] as string) : "", text, undefined, (next) =>
                setTextOverride(locale, key, next),
              )
            ) : (
              <fieldset key={key} class="plural">
                <legend>{key}</legend>
                {/* the forms the widget's own text has, in the language's CLDR order (a form left out falls back to `other`) */}
                {defaults.pluralCategories
                  .filter((category) => category in text)
                  .map((category) => (
                    <TextField
                      key={category}
                      path={`${base}.texts.${key}.${category}`}
                      label={t("pluralForm", { category })}
                      lang={locale}
                      value={(texts[key] as Record<string, string> | undefined)?.[category] ?? ""}
                      placeholder={text[category] ?? ""}
                      error={errors[`${base}.texts.${key}.${category}`]}
                      onInput={(next) => setPluralText(locale, key, category, next, text)}
                    />
                  ))}
              </fieldset>
            ),
          )}
      </div>
    </details>
  );
}
