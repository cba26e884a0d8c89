import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import { LAUNCHER_LABEL_MAX, Theme } from "../../contract/index.ts";
import { darkColors } from "../../contract/rules/contrast.ts";
import { $t } from "../i18n/index.ts";
import { $can, $session } from "../stores/session.ts";
import {
  $contrastWarnings,
  $previewSection,
  $themeDirty,
  $themeDraft,
  $themeErrors,
  $themeStatus,
  discardTheme,
  loadTheme,
  resetTheme,
  saveTheme,
  setThemeToken,
} from "../stores/theme.ts";
import { ColorField, SaveBar, SelectField, TextField } from "./fields.tsx";
import { widgetLocales } from "./localized.tsx";
import { ThemePreview } from "./preview.tsx";
import { LanguageTexts } from "./theme-texts.tsx";

const text = (value: unknown) => (typeof value === "string" ? value : "");
const at = (draft: Record<string, unknown>, path: string) =>
  path.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), draft);
const pairNames = { accent: "accentPair", text: "textPair", darkAccent: "darkAccentPair", darkText: "darkTextPair" } as const;

/** Every theme token of the contract, and every text of the widget per language, with the real widget previewed beside the form. */
export function ThemeEditor() {
  const t = useStore($t);
  const draft = useStore($themeDraft);
  const errors = useStore($themeErrors);
  const warnings = useStore($contrastWarnings);
  const status = useStore($themeStatus);
  const dirty = useStore($themeDirty);
  const can = useStore($can);
  const session = useStore($session);
  useEffect(() => {
    $previewSection.set("home");
    if (!$themeDraft.get()) void loadTheme();
  }, []);
  if (!draft) return <p>{t("loading")}</p>;
  const common = (path: string, label: string) => ({
    path,
    label,
    value: text(at(draft, path)),
    error: errors[path],
    onInput: (next: string) => setThemeToken(path, next),
  });
  const select = (path: string, label: string, options: [string, string][]) => ({
    ...common(path, label),
    options,
    onChange: (next: string) => setThemeToken(path, next),
  });
  const defaultLocale = session?.shop?.defaultLocale ?? "es";
  // what an empty dark colour becomes, derived from the light ones as the widget derives it
  const parsed = Theme.safeParse({ ...draft, dark: {} });
  const derived: Partial<NonNullable<Theme["dark"]>> = parsed.success ? darkColors(parsed.data) : {};
  return (
    <div class="editor-with-preview">
      <form
        class="editor"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void saveTheme();
        }}
      >
        <div class="editor-body">
          <h1>{t("navTheme")}</h1>
          <fieldset class="plain" disabled={!can("editor")}>
            <legend class="visually-hidden">{t("navTheme")}</legend>
            {!can("editor") && <p class="hint">{t("readOnly")}</p>}
            <fieldset>
              <legend>{t("colors")}</legend>
              <div class="fields-grid">
                <ColorField {...common("accent", t("accent"))} />
                <ColorField {...common("accentText", t("accentText"))} />
                <ColorField {...common("background", t("background"))} />
                <ColorField {...common("text", t("text"))} />
              </div>
              <SelectField
                {...select("colorScheme", t("colorScheme"), [
                  ["light", t("light")],
                  ["dark", t("dark")],
                  ["auto", t("auto")],
                ])}
              />
              <fieldset class="row">
                <legend>{t("darkColors")}</legend>
                <p class="hint">{t("darkColorsHint")}</p>
                <div class="fields-grid">
                  {(["accent", "accentText", "background", "text"] as const).map((name) => (
                    <ColorField key={name} {...common(`dark.${name}`, t(name))} placeholder={derived[name]} />
                  ))}
                </div>
              </fieldset>
              <div role="status" class="warnings">
                {warnings.map((warning) => (
                  <p key={warning.what} class="warning">
                    {t("contrastWarning", { what: t(pairNames[warning.what]), ratio: warning.ratio })}
                  </p>
                ))}
              </div>
            </fieldset>
            <fieldset>
              <legend>{t("layout")}</legend>
              <div class="fields-grid">
                <TextField {...common("radius", t("radius"))} />
                <TextField {...common("font", t("font"))} />
                <SelectField
                  {...select("position", t("position"), [
                    ["right", t("right")],
                    ["left", t("left")],
                  ])}
                />
                <TextField {...common("offsetX", t("offsetX"))} />
                <TextField {...common("offsetY", t("offsetY"))} />
              </div>
            </fieldset>
            <fieldset>
              <legend>{t("words")}</legend>
              <TextField {...common("launcherLabel", t("launcherLabel"))} maxLength={LAUNCHER_LABEL_MAX} />
              <TextField {...common("programName", t("programName"))} />
              <div class="fields-grid">
                <TextField {...common("pointsName.one", t("pointsOne"))} />
                <TextField {...common("pointsName.other", t("pointsOther"))} />
              </div>
            </fieldset>
            <fieldset>
              <legend>{t("widgetTexts")}</legend>
              <p class="hint">{t("widgetTextsHint")}</p>
              {widgetLocales(defaultLocale).map((locale) => (
                <LanguageTexts key={locale} locale={locale} isDefault={locale === defaultLocale} />
              ))}
            </fieldset>
          </fieldset>
        </div>
        {can("editor") && (
          <SaveBar status={status} t={t} dirty={dirty} onDiscard={discardTheme}>
            <button type="button" onClick={() => confirm(t("resetConfirm")) && void resetTheme()}>
              {t("reset")}
            </button>
          </SaveBar>
        )}
      </form>
      <ThemePreview />
    </div>
  );
}
