import { useStore } from "@nanostores/preact";
import { DAY } from "../../contract/time.ts";
import { describeWindow, formatDate } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $campaignPreview, $programDraft, $programErrors, editProgram, newId } from "../stores/program.ts";
import { fromLocalInput, toLocalInput } from "./datetime.ts";
import { Checkbox, NumberField, TextField } from "./fields.tsx";
import { ListEditor } from "./list-editor.tsx";

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
  if (!program) return null;
  return (
    <ListEditor
      list="campaigns"
      legend={t("campaigns")}
      settings={
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
      }
      untitled={() => t("newCampaign")}
      detail={(campaign) => t(campaign.kind)}
      fields={(campaign, { path, edit }) => (
        <>
          <NumberField
            path={`${path}.multiplier`}
            label={t("multiplier")}
            step="0.1"
            value={campaign.multiplier}
            error={errors[`${path}.multiplier`]}
            onInput={(value) =>
              edit((target) => {
                target.multiplier = value;
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
                  edit((target) => {
                    if (target.kind === "range") target.startsAt = fromLocalInput(value);
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
                  edit((target) => {
                    if (target.kind === "range") target.endsAt = fromLocalInput(value);
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
                      edit((target) => {
                        if (target.kind === "weekly")
                          target.days = checked ? [...new Set([...target.days, day])].sort() : target.days.filter((other) => other !== day);
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
                  edit((target) => {
                    if (target.kind === "weekly") target.start = value;
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
                  edit((target) => {
                    if (target.kind === "weekly") target.end = value;
                  })
                }
              />
            </>
          )}
        </>
      )}
      summary={<NextWindow />}
      add={[
        {
          label: t("addRange"),
          create: (draft) => {
            const startsAt = new Date(Date.now() + DAY);
            startsAt.setMinutes(0, 0, 0);
            return {
              id: newId(draft, "campaigns", ""),
              kind: "range",
              name: {},
              multiplier: 2,
              startsAt: startsAt.toISOString(),
              endsAt: new Date(startsAt.getTime() + 7 * DAY).toISOString(),
            };
          },
        },
        {
          label: t("addWeekly"),
          create: (draft) => ({
            id: newId(draft, "campaigns", ""),
            kind: "weekly",
            name: {},
            multiplier: 2,
            days: [2],
            start: "15:00",
            end: "17:00",
          }),
        },
      ]}
    />
  );
}
