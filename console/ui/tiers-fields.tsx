import { useStore } from "@nanostores/preact";
import type { Tier } from "../../contract/index.ts";
import { $t } from "../i18n/index.ts";
import { $programDraft, $programErrors, editProgram } from "../stores/program.ts";
import { NumberField, TextField } from "./fields.tsx";

export function TiersFields() {
  const t = useStore($t);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  if (!program) return null;
  return (
    <fieldset>
      <legend>{t("tiers")}</legend>
      {program.tiers.map((tier, index) => {
        const path = `tiers.${index}`;
        const edit = (change: (tier: Tier) => void) =>
          editProgram((draft) => {
            const target = draft.tiers[index];
            if (target) change(target);
          });
        return (
          <fieldset key={index} class="row">
            <legend>{tier.name.es || tier.id}</legend>
            <TextField
              path={`${path}.id`}
              label={t("id")}
              value={tier.id}
              error={errors[`${path}.id`]}
              onInput={(value) =>
                edit((x) => {
                  x.id = value;
                })
              }
            />
            {["es", "en"].map((locale) => (
              <TextField
                key={locale}
                path={`${path}.name.${locale}`}
                label={t("nameIn", { locale })}
                value={tier.name[locale] ?? ""}
                error={errors[`${path}.name.${locale}`]}
                onInput={(value) =>
                  edit((x) => {
                    x.name[locale] = value;
                  })
                }
              />
            ))}
            <NumberField
              path={`${path}.threshold`}
              label={t("threshold")}
              value={tier.threshold}
              error={errors[`${path}.threshold`]}
              onInput={(value) =>
                edit((x) => {
                  x.threshold = value;
                })
              }
            />
            <NumberField
              path={`${path}.multiplier`}
              label={t("multiplier")}
              step="0.05"
              value={tier.multiplier}
              error={errors[`${path}.multiplier`]}
              onInput={(value) =>
                edit((x) => {
                  x.multiplier = value;
                })
              }
            />
            <button type="button" onClick={() => editProgram((draft) => void draft.tiers.splice(index, 1))}>
              {t("remove")}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          editProgram(
            (draft) => void draft.tiers.push({ id: `tier-${draft.tiers.length + 1}`, name: { es: "", en: "" }, threshold: 1000, multiplier: 1 }),
          )
        }
      >
        {t("addTier")}
      </button>
    </fieldset>
  );
}
