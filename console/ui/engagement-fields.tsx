import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import type { Announcement, Raffle, RafflePrizeCode } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import { formatDate, formatNumber } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $raffleStates, loadRaffleStates } from "../stores/engagement.ts";
import { $programDraft, $programErrors, editProgram, newId, removeItem, titleChanged } from "../stores/program.ts";
import { $session } from "../stores/session.ts";
import { fromLocalInput, toLocalInput } from "./datetime.ts";
import { Checkbox, NumberField, SelectField, TextField } from "./fields.tsx";
import { IdField } from "./id-field.tsx";
import { LocalizedFields } from "./localized.tsx";

const prizeKinds = ["amount_off", "percent_off", "free_shipping", "free_product"] as const;

/** A prize code of another kind keeps its minimum order and validity. */
function prizeOfKind(code: RafflePrizeCode | undefined, kind: string): RafflePrizeCode | undefined {
  const base = { validityDays: code?.validityDays ?? 30, ...(code?.minimumSubtotal ? { minimumSubtotal: code.minimumSubtotal } : {}) };
  if (kind === "amount_off") return { ...base, kind, amount: "5" };
  if (kind === "percent_off") return { ...base, kind, percent: 10 };
  if (kind === "free_shipping") return { ...base, kind };
  if (kind === "free_product") return { ...base, kind, product: "" };
  return undefined;
}

/** What the endpoint says of a saved raffle: its status, entries and draw. */
function RaffleState({ id }: { id: string }) {
  const t = useStore($t);
  const locale = useStore($locale);
  const state = useStore($raffleStates)[id];
  if (!state) return null;
  return (
    <p class="hint">
      {t(`raffle_${state.status}`)} ·{" "}
      {t("raffleEntries", { entries: formatNumber(state.entries, locale), entrants: formatNumber(state.entrants, locale) })}
      {state.winner && <> · {t("raffleWinner", { id: state.winner.customerId })}</>}
      {state.drawnAt && <> · {formatDate(state.drawnAt, locale)}</>}
    </p>
  );
}

/** Raffles (contract 7.4): points buy entries; once a raffle opens its terms are fixed, and cancelling it gives every entry's points back. */
export function RafflesFields() {
  const t = useStore($t);
  const locale = useStore($locale);
  const session = useStore($session);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  const states = useStore($raffleStates);
  useEffect(() => void loadRaffleStates(), []);
  if (!program) return null;
  const defaultLocale = session?.shop?.defaultLocale ?? "es";
  const edit = (index: number, change: (raffle: Raffle) => void) =>
    editProgram((draft) => {
      const raffle = draft.raffles?.[index];
      if (raffle) change(raffle);
    });
  return (
    <fieldset>
      <legend>{t("raffles")}</legend>
      <p class="hint">{t("rafflesHint")}</p>
      {errors.raffles && <p class="error">{errors.raffles}</p>}
      {(program.raffles ?? []).map((raffle, index) => {
        const path = `raffles.${index}`;
        const status = states[raffle.id]?.status;
        const locked = status !== undefined && status !== "upcoming";
        return (
          <fieldset key={index} class="row">
            <legend>{raffle.title[locale] || raffle.title[defaultLocale] || t("newRaffle")}</legend>
            <RaffleState id={raffle.id} />
            <LocalizedFields
              path={`${path}.title`}
              label={(language) => t("titleIn", { locale: language })}
              value={raffle.title}
              errors={errors}
              onInput={(language, value) => {
                edit(index, (r) => {
                  r.title[language] = value;
                });
                if (language === defaultLocale) titleChanged("raffles", index, value);
              }}
            />
            <IdField list="raffles" index={index} id={raffle.id} error={errors[`${path}.id`]} />
            <LocalizedFields
              path={`${path}.prize`}
              label={(language) => t("prizeIn", { locale: language })}
              value={raffle.prize}
              errors={errors}
              onInput={(language, value) =>
                edit(index, (r) => {
                  r.prize[language] = value;
                })
              }
            />
            <fieldset class="plain" disabled={locked}>
              <legend class="visually-hidden">{t("raffleTerms")}</legend>
              {locked && <p class="hint">{t("raffleLocked")}</p>}
              <div class="fields-grid">
                <NumberField
                  path={`${path}.entryCost`}
                  label={t("entryCost")}
                  value={raffle.entryCost}
                  error={errors[`${path}.entryCost`]}
                  onInput={(value) =>
                    edit(index, (r) => {
                      r.entryCost = value;
                    })
                  }
                />
                <NumberField
                  path={`${path}.maxEntriesPerCustomer`}
                  label={t("maxEntries")}
                  value={raffle.maxEntriesPerCustomer}
                  error={errors[`${path}.maxEntriesPerCustomer`]}
                  onInput={(value) =>
                    edit(index, (r) => {
                      r.maxEntriesPerCustomer = value;
                    })
                  }
                />
                <TextField
                  path={`${path}.opensAt`}
                  type="datetime-local"
                  label={t("opensAt")}
                  value={toLocalInput(raffle.opensAt)}
                  error={errors[`${path}.opensAt`]}
                  onInput={(value) =>
                    edit(index, (r) => {
                      r.opensAt = fromLocalInput(value);
                    })
                  }
                />
                <TextField
                  path={`${path}.closesAt`}
                  type="datetime-local"
                  label={t("closesAt")}
                  value={toLocalInput(raffle.closesAt)}
                  error={errors[`${path}.closesAt`]}
                  onInput={(value) =>
                    edit(index, (r) => {
                      r.closesAt = fromLocalInput(value);
                    })
                  }
                />
                <SelectField
                  path={`${path}.prizeCode.kind`}
                  label={t("prizeCode")}
                  value={raffle.prizeCode?.kind ?? ""}
                  options={[["", t("prizeCodeNone")], ...prizeKinds.map((kind) => [kind, t(kind)] as [string, string])]}
                  onChange={(value) =>
                    edit(index, (r) => {
                      const code = prizeOfKind(r.prizeCode, value);
                      if (code) r.prizeCode = code;
                      else delete r.prizeCode;
                    })
                  }
                />
                {raffle.prizeCode?.kind === "amount_off" && (
                  <TextField
                    path={`${path}.prizeCode.amount`}
                    label={t("amount")}
                    value={raffle.prizeCode.amount}
                    error={errors[`${path}.prizeCode.amount`]}
                    onInput={(value) =>
                      edit(index, (r) => {
                        if (r.prizeCode?.kind === "amount_off") r.prizeCode.amount = value;
                      })
                    }
                  />
                )}
                {raffle.prizeCode?.kind === "percent_off" && (
                  <NumberField
                    path={`${path}.prizeCode.percent`}
                    label={t("percent")}
                    value={raffle.prizeCode.percent}
                    error={errors[`${path}.prizeCode.percent`]}
                    onInput={(value) =>
                      edit(index, (r) => {
                        if (r.prizeCode?.kind === "percent_off") r.prizeCode.percent = value;
                      })
                    }
                  />
                )}
                {raffle.prizeCode?.kind === "free_product" && (
                  <TextField
                    path={`${path}.prizeCode.product`}
                    label={t("product")}
                    value={raffle.prizeCode.product}
                    error={errors[`${path}.prizeCode.product`]}
                    onInput={(value) =>
                      edit(index, (r) => {
                        if (r.prizeCode?.kind === "free_product") r.prizeCode.product = value;
                      })
                    }
                  />
                )}
                {raffle.prizeCode && (
                  <NumberField
                    path={`${path}.prizeCode.validityDays`}
                    label={t("validityDays")}
                    value={raffle.prizeCode.validityDays}
                    error={errors[`${path}.prizeCode.validityDays`]}
                    onInput={(value) =>
                      edit(index, (r) => {
                        if (r.prizeCode) r.prizeCode.validityDays = value;
                      })
                    }
                  />
                )}
              </div>
            </fieldset>
            {status && status !== "drawn" && status !== "cancelled" ? (
              <Checkbox
                label={t("cancelRaffle")}
                checked={Boolean(raffle.cancelled)}
                onChange={(on) =>
                  edit(index, (r) => {
                    if (on) r.cancelled = true;
                    else delete r.cancelled;
                  })
                }
              />
            ) : null}
            {!locked && (
              <button type="button" class="danger" onClick={() => removeItem("raffles", index)}>
                {t("removeNamed", { name: raffle.title[locale] || raffle.id })}
              </button>
            )}
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          editProgram((draft) => {
            const opensAt = new Date(Date.now() + DAY);
            opensAt.setMinutes(0, 0, 0);
            draft.raffles = [
              ...(draft.raffles ?? []),
              {
                id: newId(draft, "raffles", ""),
                title: {},
                prize: {},
                entryCost: 100,
                maxEntriesPerCustomer: 10,
                opensAt: opensAt.toISOString(),
                closesAt: new Date(opensAt.getTime() + 14 * DAY).toISOString(),
              },
            ];
          })
        }
      >
        {t("addRaffle")}
      </button>
    </fieldset>
  );
}

/** Program news the widget shows from its start to its end. */
export function AnnouncementsFields() {
  const t = useStore($t);
  const locale = useStore($locale);
  const session = useStore($session);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  if (!program) return null;
  const defaultLocale = session?.shop?.defaultLocale ?? "es";
  const edit = (index: number, change: (announcement: Announcement) => void) =>
    editProgram((draft) => {
      const announcement = draft.announcements?.[index];
      if (announcement) change(announcement);
    });
  return (
    <fieldset>
      <legend>{t("announcements")}</legend>
      <p class="hint">{t("announcementsHint")}</p>
      {errors.announcements && <p class="error">{errors.announcements}</p>}
      {(program.announcements ?? []).map((announcement, index) => {
        const path = `announcements.${index}`;
        return (
          <fieldset key={index} class="row">
            <legend>{announcement.title[locale] || announcement.title[defaultLocale] || t("newAnnouncement")}</legend>
            <LocalizedFields
              path={`${path}.title`}
              label={(language) => t("titleIn", { locale: language })}
              value={announcement.title}
              errors={errors}
              onInput={(language, value) => {
                edit(index, (a) => {
                  a.title[language] = value;
                });
                if (language === defaultLocale) titleChanged("announcements", index, value);
              }}
            />
            <IdField list="announcements" index={index} id={announcement.id} error={errors[`${path}.id`]} />
            <LocalizedFields
              path={`${path}.body`}
              label={(language) => t("bodyIn", { locale: language })}
              value={announcement.body}
              errors={errors}
              onInput={(language, value) =>
                edit(index, (a) => {
                  a.body[language] = value;
                })
              }
            />
            <div class="fields-grid">
              <TextField
                path={`${path}.startsAt`}
                type="datetime-local"
                label={t("startsAt")}
                value={toLocalInput(announcement.startsAt)}
                error={errors[`${path}.startsAt`]}
                onInput={(value) =>
                  edit(index, (a) => {
                    a.startsAt = fromLocalInput(value);
                  })
                }
              />
              <TextField
                path={`${path}.endsAt`}
                type="datetime-local"
                label={t("endsAt")}
                value={toLocalInput(announcement.endsAt)}
                error={errors[`${path}.endsAt`]}
                onInput={(value) =>
                  edit(index, (a) => {
                    a.endsAt = fromLocalInput(value);
                  })
                }
              />
            </div>
            <button type="button" class="danger" onClick={() => removeItem("announcements", index)}>
              {t("removeNamed", { name: announcement.title[locale] || announcement.id })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          editProgram((draft) => {
            const startsAt = new Date();
            startsAt.setMinutes(0, 0, 0);
            draft.announcements = [
              ...(draft.announcements ?? []),
              {
                id: newId(draft, "announcements", ""),
                title: {},
                body: {},
                startsAt: startsAt.toISOString(),
                endsAt: new Date(startsAt.getTime() + 7 * DAY).toISOString(),
              },
            ];
          })
        }
      >
        {t("addAnnouncement")}
      </button>
    </fieldset>
  );
}
