import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import { $t } from "../i18n/index.ts";
import { $programDraft, $programErrors, $programStatus, editProgram, loadProgram, saveProgram } from "../stores/program.ts";
import { CampaignsFields } from "./campaigns-fields.tsx";
import { Checkbox, NumberField, SaveBar, TextField } from "./fields.tsx";
import { ReferralFields } from "./referral-fields.tsx";
import { RewardsFields } from "./rewards-fields.tsx";
import { TiersFields } from "./tiers-fields.tsx";

/** The program's rules, validated with the same schema as PUT /v1/program before anything is sent. */
export function ProgramEditor() {
  const t = useStore($t);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  const status = useStore($programStatus);
  useEffect(() => {
    if (!$programDraft.get()) void loadProgram();
  }, []);
  if (!program) return <p>{t("loading")}</p>;
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
    <form
      class="editor program"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void saveProgram();
      }}
    >
      <h1>{t("navProgram")}</h1>
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
        <NumberField
          path="tierWindowDays"
          label={t("tierWindowDays")}
          value={program.tierWindowDays}
          error={errors.tierWindowDays}
          onInput={(value) =>
            editProgram((draft) => {
              draft.tierWindowDays = value;
            })
          }
        />
        {["es", "en"].map((locale) => (
          <TextField
            key={locale}
            path={`summary.${locale}`}
            label={t("summary", { locale })}
            value={program.summary[locale] ?? ""}
            error={errors[`summary.${locale}`]}
            onInput={(value) =>
              editProgram((draft) => {
                draft.summary[locale] = value;
              })
            }
          />
        ))}
      </fieldset>
      <RewardsFields />
      <TiersFields />
      <CampaignsFields />
      <ReferralFields />
      {errors[""] && <p class="error">{errors[""]}</p>}
      <SaveBar status={status} t={t} />
    </form>
  );
}
