import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import { $t } from "../i18n/index.ts";
import { $contrastWarnings, $themeDraft, $themeErrors, $themeStatus, loadTheme, resetTheme, saveTheme, setThemeToken } from "../stores/theme.ts";
import { ColorField, SaveBar, SelectField, TextField } from "./fields.tsx";
import { ThemePreview } from "./preview.tsx";

const text = (value: unknown) => (typeof value === "string" ? value : "");
const at = (draft: Record<string, unknown>, path: string) =>
  path.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), draft);

/** Every theme token of the contract, with the real widget previewed beside the form. */
export function ThemeEditor() {
  const t = useStore($t);
  const draft = useStore($themeDraft);
  const errors = useStore($themeErrors);
  const warnings = useStore($contrastWarnings);
  const status = useStore($themeStatus);
  useEffect(() => {
    if (!$themeDraft.get()) void loadTheme();
  }, []);
  if (!draft) return <p>{t("loading")}</p>;
  const value = (path: string) => text(at(draft, path));
  const common = (path: string, label: string) => ({
    path,
    label,
    value: value(path),
    error: errors[path],
    onInput: (next: string) => setThemeToken(path, next),
  });
  const select = (path: string, label: string, options: [string, string][]) => ({
    ...common(path, label),
    options,
    onChange: (next: string) => setThemeToken(path, next),
  });
  const otherLocale = "locales" in draft && draft.locales && typeof draft.locales === "object" ? (Object.keys(draft.locales)[0] ?? "en") : "en";
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
        <h1>{t("navTheme")}</h1>
        <fieldset>
          <legend>{t("colors")}</legend>
          <ColorField {...common("accent", t("accent"))} />
          <ColorField {...common("accentText", t("accentText"))} />
          <ColorField {...common("background", t("background"))} />
          <ColorField {...common("text", t("text"))} />
          <SelectField
            {...select("colorScheme", t("colorScheme"), [
              ["light", t("light")],
              ["dark", t("dark")],
              ["auto", t("auto")],
            ])}
          />
          <div role="status" class="warnings">
            {warnings.map((warning) => (
              <p key={warning.what} class="warning">
                {t("contrastWarning", { what: t(warning.what), ratio: warning.ratio })}
              </p>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("layout")}</legend>
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
        </fieldset>
        <fieldset>
          <legend>{t("words")}</legend>
          <TextField {...common("launcherLabel", t("launcherLabel"))} />
          <TextField {...common("programName", t("programName"))} />
          <TextField {...common("pointsName.one", t("pointsOne"))} />
          <TextField {...common("pointsName.other", t("pointsOther"))} />
        </fieldset>
        <fieldset>
          <legend>{t("localeTexts", { locale: otherLocale })}</legend>
          <TextField {...common(`locales.${otherLocale}.launcherLabel`, t("launcherLabel"))} />
          <TextField {...common(`locales.${otherLocale}.programName`, t("programName"))} />
          <TextField {...common(`locales.${otherLocale}.pointsName.one`, t("pointsOne"))} />
          <TextField {...common(`locales.${otherLocale}.pointsName.other`, t("pointsOther"))} />
        </fieldset>
        <SaveBar status={status} t={t}>
          <button type="button" onClick={() => confirm(t("resetConfirm")) && void resetTheme()}>
            {t("reset")}
          </button>
        </SaveBar>
      </form>
      <ThemePreview />
    </div>
  );
}
