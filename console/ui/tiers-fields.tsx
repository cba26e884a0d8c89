import { useStore } from "@nanostores/preact";
import { $t } from "../i18n/index.ts";
import { $programDraft, $programErrors, editProgram, newId } from "../stores/program.ts";
import { NumberField } from "./fields.tsx";
import { ListEditor } from "./list-editor.tsx";

export function TiersFields() {
  const t = useStore($t);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  if (!program) return null;
  return (
    <ListEditor
      list="tiers"
      legend={t("tiers")}
      settings={
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
      }
      untitled={() => t("newTier")}
      fields={(tier, { path, edit }) => (
        <div class="fields-grid">
          <NumberField
            path={`${path}.threshold`}
            label={t("threshold")}
            value={tier.threshold}
            error={errors[`${path}.threshold`]}
            onInput={(value) =>
              edit((target) => {
                target.threshold = value;
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
              edit((target) => {
                target.multiplier = value;
              })
            }
          />
        </div>
      )}
      add={[
        {
          label: t("addTier"),
          create: (draft) => {
            const highest = Math.max(0, ...draft.tiers.map((tier) => tier.threshold));
            return { id: newId(draft, "tiers", ""), name: {}, threshold: highest + 1000, multiplier: 1 };
          },
        },
      ]}
    />
  );
}
