import { useStore } from "@nanostores/preact";
import { ActionKind, type EarningAction } from "../../contract/index.ts";
import { $t } from "../i18n/index.ts";
import { $programDraft, $programErrors, editProgram, newId } from "../stores/program.ts";
import { Checkbox, NumberField, SelectField } from "./fields.tsx";
import { ListEditor } from "./list-editor.tsx";

/** Points pending through the return window, and points that expire after months without earning (contract 7.2); each off until ticked. */
export function PendingExpiryFields() {
  const t = useStore($t);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  if (!program) return null;
  return (
    <fieldset>
      <legend>{t("pendingExpiry")}</legend>
      <Checkbox
        label={t("pendingOn")}
        checked={Boolean(program.pending)}
        onChange={(on) =>
          editProgram((draft) => {
            if (on) draft.pending = { days: 14 };
            else delete draft.pending;
          })
        }
      />
      {program.pending && (
        <NumberField
          path="pending.days"
          label={t("pendingDays")}
          hint={t("pendingHint")}
          value={program.pending.days}
          error={errors["pending.days"]}
          onInput={(value) =>
            editProgram((draft) => {
              if (draft.pending) draft.pending.days = value;
            })
          }
        />
      )}
      <Checkbox
        label={t("expiryOn")}
        checked={Boolean(program.expiry)}
        onChange={(on) =>
          editProgram((draft) => {
            if (on) draft.expiry = { monthsInactive: 12, reminderDays: 30 };
            else delete draft.expiry;
          })
        }
      />
      {program.expiry && (
        <div class="fields-grid">
          <NumberField
            path="expiry.monthsInactive"
            label={t("monthsInactive")}
            value={program.expiry.monthsInactive}
            error={errors["expiry.monthsInactive"]}
            onInput={(value) =>
              editProgram((draft) => {
                if (draft.expiry) draft.expiry.monthsInactive = value;
              })
            }
          />
          <NumberField
            path="expiry.reminderDays"
            label={t("reminderDays")}
            value={program.expiry.reminderDays}
            error={errors["expiry.reminderDays"]}
            onInput={(value) =>
              editProgram((draft) => {
                if (draft.expiry) draft.expiry.reminderDays = value;
              })
            }
          />
        </div>
      )}
    </fieldset>
  );
}

const periods = ["ever", "year", "month", "day"] as const;

/** Ways to earn besides buying: sign-up, birthday, newsletter, social follow, review, feedback or the shop's own. */
export function ActionsFields() {
  const t = useStore($t);
  const errors = useStore($programErrors);
  return (
    <ListEditor
      list="actions"
      legend={t("actions")}
      hint={t("actionsHint")}
      untitled={(action) => t(`action_${action.kind}`)}
      fields={(action, { path, edit }) => (
        <div class="fields-grid">
          <SelectField
            path={`${path}.kind`}
            label={t("kind")}
            value={action.kind}
            options={ActionKind.options.map((kind) => [kind, t(`action_${kind}`)])}
            onChange={(value) =>
              edit((target) => {
                target.kind = value as EarningAction["kind"];
              })
            }
          />
          <NumberField
            path={`${path}.points`}
            label={t("points")}
            value={action.points}
            error={errors[`${path}.points`]}
            onInput={(value) =>
              edit((target) => {
                target.points = value;
              })
            }
          />
          <NumberField
            path={`${path}.limit.count`}
            label={t("limitCount")}
            value={action.limit.count}
            error={errors[`${path}.limit.count`]}
            onInput={(value) =>
              edit((target) => {
                target.limit.count = value;
              })
            }
          />
          <SelectField
            path={`${path}.limit.per`}
            label={t("limitPer")}
            value={action.limit.per}
            options={periods.map((per) => [per, t(`per_${per}`)])}
            onChange={(value) =>
              edit((target) => {
                target.limit.per = value as EarningAction["limit"]["per"];
              })
            }
          />
        </div>
      )}
      add={[
        {
          label: t("addAction"),
          create: (draft) => ({ id: newId(draft, "actions", ""), kind: "custom", points: 50, limit: { count: 1, per: "ever" }, title: {} }),
        },
      ]}
    />
  );
}
