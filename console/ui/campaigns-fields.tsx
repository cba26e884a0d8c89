import { useStore } from "@nanostores/preact";
import type { Campaign } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import { describeWindow, formatDate } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $campaignPreview, $programDraft, $programErrors, editProgram, newId, removeItem, titleChanged } from "../stores/program.ts";
import { $session } from "../stores/session.ts";
import { Checkbox, NumberField, TextField } from "./fields.tsx";
import { IdField } from "./id-field.tsx";
import { fromLocalInput, toLocalInput } from "./datetime.ts";
import { LocalizedFields } from "./localized.tsx";

const weekdays = (locale: string) =>
  [1, 2, 3, 4, 5, 6, 7].map(
    (day) => [day, new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, day)))] as const,
  );

/** The next window of the drafted campaigns, as the endpoint computes it in the program's time zone. */
function NextWindow() {
  const t = useStore($t);
  const locale = useStore($locale);
  const preview = useStore($campaignPreview);
  if (!preview) return null;
  return (
    <p class="campaign-preview" role="status">
      {[
        preview.active &&
          t("activeCampaign", { name: preview.active.name[locale] ?? preview.active.id, until: formatDate(preview.active.endsAt, locale) }),
        preview.next ? t("nextCampaign", { when: describeWindow(preview.next, preview.timeZone, locale) }) : t("noNextCampaign"),
      ]
        .filter(Boolean)
        .join(" ")}
    </p>
  );
}

export function CampaignsFields() {
  const t = useStore($t);
  const locale = useStore($locale);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  const session = useStore($session);
  if (!program) return null;
  const defaultLocale = session?.shop?.defaultLocale ?? "es";
  const edit = (index: number, change: (campaign: Campaign) => void) =>
    editProgram((draft) => {
      const campaign = draft.campaigns[index];
      if (campaign) change(campaign);
    });
  return (
    <fieldset>
      <legend>{t("campaigns")}</legend>
      <TextField
        path="timeZone"
        label={t("timeZone")}
        value={program.timeZone}
        error={errors.timeZone}
        onInput={(value) =>
          editProgram((draft) => {
            draft.timeZone = value;
          })
        }
      />
      {program.campaigns.map((campaign, index) => {
        const path = `campaigns.${index}`;
        return (
          <fieldset key={index} class="row">
            <legend>
              {campaign.name[locale] || campaign.name[defaultLocale] || t("newCampaign")} · {t(campaign.kind)}
            </legend>
            <LocalizedFields
              path={`${path}.name`}
              label={(language) => t("nameIn", { locale: language })}
              value={campaign.name}
              errors={errors}
              onInput={(language, value) => {
                edit(index, (c) => {
                  c.name[language] = value;
                });
                if (language === defaultLocale) titleChanged("campaigns", index, value);
              }}
            />
            <IdField list="campaigns" index={index} id={campaign.id} error={errors[`${path}.id`]} />
            <NumberField
              path={`${path}.multiplier`}
              label={t("multiplier")}
              step="0.1"
              value={campaign.multiplier}
              error={errors[`${path}.multiplier`]}
              onInput={(value) =>
                edit(index, (c) => {
                  c.multiplier = value;
                })
              }
            />
            {campaign.kind === "range" ? (
              <>
                <TextField
                  path={`${path}.startsAt`}
                  label={t("startsAt")}
                  type="datetime-local"
                  value={toLocalInput(campaign.startsAt)}
                  error={errors[`${path}.startsAt`]}
                  onInput={(value) =>
                    edit(index, (c) => {
                      if (c.kind === "range") c.startsAt = fromLocalInput(value);
                    })
                  }
                />
                <TextField
                  path={`${path}.endsAt`}
                  label={t("endsAt")}
                  type="datetime-local"
                  value={toLocalInput(campaign.endsAt)}
                  error={errors[`${path}.endsAt`]}
                  onInput={(value) =>
                    edit(index, (c) => {
                      if (c.kind === "range") c.endsAt = fromLocalInput(value);
                    })
                  }
                />
              </>
            ) : (
              <>
                <fieldset class="inline">
                  <legend>{t("days")}</legend>
                  {weekdays(locale).map(([day, name]) => (
                    <Checkbox
                      key={day}
                      label={name}
                      checked={campaign.days.includes(day)}
                      onChange={(checked) =>
                        edit(index, (c) => {
                          if (c.kind === "weekly") c.days = checked ? [...new Set([...c.days, day])].sort() : c.days.filter((d) => d !== day);
                        })
                      }
                    />
                  ))}
                  {errors[`${path}.days`] && <p class="error">{errors[`${path}.days`]}</p>}
                </fieldset>
                <TextField
                  path={`${path}.start`}
                  label={t("start")}
                  type="time"
                  value={campaign.start}
                  error={errors[`${path}.start`]}
                  onInput={(value) =>
                    edit(index, (c) => {
                      if (c.kind === "weekly") c.start = value;
                    })
                  }
                />
                <TextField
                  path={`${path}.end`}
                  label={t("end")}
                  type="time"
                  value={campaign.end}
                  error={errors[`${path}.end`]}
                  onInput={(value) =>
                    edit(index, (c) => {
                      if (c.kind === "weekly") c.end = value;
                    })
                  }
                />
              </>
            )}
            <button type="button" class="danger" onClick={() => removeItem("campaigns", index)}>
              {t("removeNamed", { name: campaign.name[locale] || campaign.id })}
            </button>
          </fieldset>
        );
      })}
      <NextWindow />
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            editProgram((draft) => {
              const startsAt = new Date(Date.now() + DAY);
              startsAt.setMinutes(0, 0, 0);
              draft.campaigns.push({
                id: newId(draft, "campaigns", ""),
                kind: "range",
                name: {},
                multiplier: 2,
                startsAt: startsAt.toISOString(),
                endsAt: new Date(startsAt.getTime() + 7 * DAY).toISOString(),
              });
            })
          }
        >
          {t("addRange")}
        </button>
        <button
          type="button"
          onClick={() =>
            editProgram(
              (draft) =>
                void draft.campaigns.push({
                  id: newId(draft, "campaigns", ""),
                  kind: "weekly",
                  name: {},
                  multiplier: 2,
                  days: [2],
                  start: "15:00",
                  end: "17:00",
                }),
            )
          }
        >
          {t("addWeekly")}
        </button>
      </div>
    </fieldset>
  );
}
