import { useStore } from "@nanostores/preact";
import { ActionKind, type EarningAction } from "../../contract/index.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $programDraft, $programErrors, editProgram, newId, removeItem, titleChanged } from "../stores/program.ts";
import { $session } from "../stores/session.ts";
import { Checkbox, NumberField, SelectField } from "./fields.tsx";
import { IdField } from "./id-field.tsx";
import { LocalizedFields } from "./localized.tsx";

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
  const locale = useStore($locale);
  const session = useStore($session);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  if (!program) return null;
  const actions = program.actions ?? [];
  const defaultLocale = session?.shop?.defaultLocale ?? "es";
  const edit = (index: number, change: (action: EarningAction) => void) =>
    editProgram((draft) => {
      const action = draft.actions?.[index];
      if (action) change(action);
    });
  return (
    <fieldset>
      <legend>{t("actions")}</legend>
      <p class="hint">{t("actionsHint")}</p>
      {errors.actions && <p class="error">{errors.actions}</p>}
      {actions.map((action, index) => {
        const path = `actions.${index}`;
        return (
          <fieldset key={index} class="row">
            <legend>{action.title[locale] || action.title[defaultLocale] || t(`action_${action.kind}`)}</legend>
            <LocalizedFields
              path={`${path}.title`}
              label={(language) => t("titleIn", { locale: language })}
              value={action.title}
              errors={errors}
              onInput={(language, value) => {
                edit(index, (a) => {
                  a.title[language] = value;
                });
                if (language === defaultLocale) titleChanged("actions", index, value);
              }}
            />
            <IdField list="actions" index={index} id={action.id} error={errors[`${path}.id`]} />
            <div class="fields-grid">
              <SelectField
                path={`${path}.kind`}
                label={t("kind")}
                value={action.kind}
                options={ActionKind.options.map((kind) => [kind, t(`action_${kind}`)])}
                onChange={(value) =>
                  edit(index, (a) => {
                    a.kind = value as EarningAction["kind"];
                  })
                }
              />
              <NumberField
                path={`${path}.points`}
                label={t("points")}
                value={action.points}
                error={errors[`${path}.points`]}
                onInput={(value) =>
                  edit(index, (a) => {
                    a.points = value;
                  })
                }
              />
              <NumberField
                path={`${path}.limit.count`}
                label={t("limitCount")}
                value={action.limit.count}
                error={errors[`${path}.limit.count`]}
                onInput={(value) =>
                  edit(index, (a) => {
                    a.limit.count = value;
                  })
                }
              />
              <SelectField
                path={`${path}.limit.per`}
                label={t("limitPer")}
                value={action.limit.per}
                options={periods.map((per) => [per, t(`per_${per}`)])}
                onChange={(value) =>
                  edit(index, (a) => {
                    a.limit.per = value as EarningAction["limit"]["per"];
                  })
                }
              />
            </div>
            <button type="button" class="danger" onClick={() => removeItem("actions", index)}>
              {t("removeNamed", { name: action.title[locale] || action.id })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          editProgram((draft) => {
            draft.actions = [
              ...(draft.actions ?? []),
              { id: newId(draft, "actions", ""), kind: "custom", points: 50, limit: { count: 1, per: "ever" }, title: {} },
            ];
          })
        }
      >
        {t("addAction")}
      </button>
    </fieldset>
  );
}
