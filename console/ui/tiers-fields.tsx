import { useStore } from "@nanostores/preact";
import type { Tier } from "../../contract/index.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $programDraft, $programErrors, editProgram, newId, removeItem, titleChanged } from "../stores/program.ts";
import { $session } from "../stores/session.ts";
import { NumberField } from "./fields.tsx";
import { IdField } from "./id-field.tsx";
import { LocalizedFields } from "./localized.tsx";

export function TiersFields() {
  const t = useStore($t);
  const locale = useStore($locale);
  const session = useStore($session);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  if (!program) return null;
  const defaultLocale = session?.shop?.defaultLocale ?? "es";
  return (
    <fieldset>
      <legend>{t("tiers")}</legend>
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
      {program.tiers.map((tier, index) => {
        const path = `tiers.${index}`;
        const edit = (change: (tier: Tier) => void) =>
          editProgram((draft) => {
            const target = draft.tiers[index];
            if (target) change(target);
          });
        return (
          <fieldset key={index} class="row">
            <legend>{tier.name[locale] || tier.name[defaultLocale] || t("newTier")}</legend>
            <LocalizedFields
              path={`${path}.name`}
              label={(language) => t("nameIn", { locale: language })}
              value={tier.name}
              errors={errors}
              onInput={(language, value) => {
                edit((x) => {
                  x.name[language] = value;
                });
                if (language === defaultLocale) titleChanged("tiers", index, value);
              }}
            />
            <IdField list="tiers" index={index} id={tier.id} error={errors[`${path}.id`]} />
            <div class="fields-grid">
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
            </div>
            <button type="button" class="danger" onClick={() => removeItem("tiers", index)}>
              {t("removeNamed", { name: tier.name[locale] || tier.id })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          editProgram((draft) => {
            const highest = Math.max(0, ...draft.tiers.map((tier) => tier.threshold));
            draft.tiers.push({ id: newId(draft, "tiers", ""), name: {}, threshold: highest + 1000, multiplier: 1 });
          })
        }
      >
        {t("addTier")}
      </button>
    </fieldset>
  );
}
