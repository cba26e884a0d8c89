import { useStore } from "@nanostores/preact";
import { $t } from "../i18n/index.ts";
import { $programDraft, $programErrors, editProgram } from "../stores/program.ts";
import { Checkbox, NumberField, TextField } from "./fields.tsx";
import { LocalizedFields } from "./localized.tsx";

/** How points are earned, and the program in one line. */
export function EarningFields() {
  const t = useStore($t);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  if (!program) return null;
  const channel = (name: "online" | "store") => (
    <Checkbox
      label={t(name)}
      checked={program.earning.channels.includes(name)}
      onChange={(checked) =>
        editProgram((draft) => {
          draft.earning.channels = checked ? [...new Set([...draft.earning.channels, name])] : draft.earning.channels.filter((c) => c !== name);
        })
      }
    />
  );
  return (
    <fieldset>
      <legend>{t("earning")}</legend>
      <NumberField
        path="earning.pointsPerUnit"
        label={t("pointsPerUnit")}
        step="0.1"
        value={program.earning.pointsPerUnit}
        error={errors["earning.pointsPerUnit"]}
        onInput={(value) =>
          editProgram((draft) => {
            draft.earning.pointsPerUnit = value;
          })
        }
      />
      <fieldset class="inline">
        <legend>{t("channels")}</legend>
        {channel("online")}
        {channel("store")}
        {errors["earning.channels"] && <p class="error">{errors["earning.channels"]}</p>}
      </fieldset>
      <LocalizedFields
        path="summary"
        label={(language) => t("summary", { locale: language })}
        value={program.summary}
        errors={errors}
        onInput={(language, value) =>
          editProgram((draft) => {
            draft.summary[language] = value;
          })
        }
      />
    </fieldset>
  );
}

const links = [
  ["join", "linkJoin"],
  ["signIn", "linkSignIn"],
  ["terms", "linkTerms"],
] as const;

/** Where the widget sends guests to join or sign in, and the program's terms. */
export function LinksFields() {
  const t = useStore($t);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  if (!program) return null;
  return (
    <fieldset>
      <legend>{t("links")}</legend>
      <p class="hint">{t("linksHint")}</p>
      {links.map(([name, label]) => (
        <TextField
          key={name}
          path={`links.${name}`}
          type="url"
          label={t(label)}
          placeholder="https://"
          value={program.links[name] ?? ""}
          error={errors[`links.${name}`]}
          onInput={(value) =>
            editProgram((draft) => {
              if (value) draft.links[name] = value;
              else delete draft.links[name];
            })
          }
        />
      ))}
    </fieldset>
  );
}
