import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import type { Raffle, RafflePrizeCode } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import { formatDate, formatNumber } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $raffleStates, loadRaffleStates } from "../stores/engagement.ts";
import { $programErrors, newId } from "../stores/program.ts";
import { fromLocalInput, toLocalInput } from "./datetime.ts";
import { Checkbox, NumberField, SelectField, TextField } from "./fields.tsx";
import { ListEditor } from "./list-editor.tsx";
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
  const errors = useStore($programErrors);
  const states = useStore($raffleStates);
  useEffect(() => void loadRaffleStates(), []);
  const statusOf = (raffle: Raffle) => states[raffle.id]?.status;
  /** Once a raffle has opened, its terms are fixed and it stays in the program. */
  const locked = (raffle: Raffle) => {
    const status = statusOf(raffle);
    return status !== undefined && status !== "upcoming";
  };
  return (
    <ListEditor
      list="raffles"
      legend={t("raffles")}
      hint={t("rafflesHint")}
      untitled={() => t("newRaffle")}
      status={(raffle) => <RaffleState id={raffle.id} />}
      fields={(raffle, { path, edit }) => {
        const status = statusOf(raffle);
        const termsFixed = locked(raffle);
        return (
          <>
            <LocalizedFields
              path={`${path}.prize`}
              label={(language) => t("prizeIn", { locale: language })}
              value={raffle.prize}
              errors={errors}
              onInput={(language, value) =>
                edit((target) => {
                  target.prize[language] = value;
                })
              }
            />
            <fieldset class="plain" disabled={termsFixed}>
              <legend class="visually-hidden">{t("raffleTerms")}</legend>
              {termsFixed && <p class="hint">{t("raffleLocked")}</p>}
              <div class="fields-grid">
                <NumberField
                  path={`${path}.entryCost`}
                  label={t("entryCost")}
                  value={raffle.entryCost}
                  error={errors[`${path}.entryCost`]}
                  onInput={(value) =>
                    edit((target) => {
                      target.entryCost = value;
                    })
                  }
                />
                <NumberField
                  path={`${path}.maxEntriesPerCustomer`}
                  label={t("maxEntries")}
                  value={raffle.maxEntriesPerCustomer}
                  error={errors[`${path}.maxEntriesPerCustomer`]}
                  onInput={(value) =>
                    edit((target) => {
                      target.maxEntriesPerCustomer = value;
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
                    edit((target) => {
                      target.opensAt = fromLocalInput(value);
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
                    edit((target) => {
                      target.closesAt = fromLocalInput(value);
                    })
                  }
                />
                <SelectField
                  path={`${path}.prizeCode.kind`}
                  label={t("prizeCode")}
                  value={raffle.prizeCode?.kind ?? ""}
                  options={[["", t("prizeCodeNone")], ...prizeKinds.map((kind) => [kind, t(kind)] as [string, string])]}
                  onChange={(value) =>
                    edit((target) => {
                      const code = prizeOfKind(target.prizeCode, value);
                      if (code) target.prizeCode = code;
                      else delete target.prizeCode;
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
                      edit((target) => {
                        if (target.prizeCode?.kind === "amount_off") target.prizeCode.amount = value;
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
                      edit((target) => {
                        if (target.prizeCode?.kind === "percent_off") target.prizeCode.percent = value;
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
                      edit((target) => {
                        if (target.prizeCode?.kind === "free_product") target.prizeCode.product = value;
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
                      edit((target) => {
                        if (target.prizeCode) target.prizeCode.validityDays = value;
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
                  edit((target) => {
                    if (on) target.cancelled = true;
                    else delete target.cancelled;
                  })
                }
              />
            ) : null}
          </>
        );
      }}
      removable={(raffle) => !locked(raffle)}
      add={[
        {
          label: t("addRaffle"),
          create: (draft) => {
            const opensAt = new Date(Date.now() + DAY);
            opensAt.setMinutes(0, 0, 0);
            return {
              id: newId(draft, "raffles", ""),
              title: {},
              prize: {},
              entryCost: 100,
              maxEntriesPerCustomer: 10,
              opensAt: opensAt.toISOString(),
              closesAt: new Date(opensAt.getTime() + 14 * DAY).toISOString(),
            };
          },
        },
      ]}
    />
  );
}

/** Program news the widget shows from its start to its end. */
export function AnnouncementsFields() {
  const t = useStore($t);
  const errors = useStore($programErrors);
  return (
    <ListEditor
      list="announcements"
      legend={t("announcements")}
      hint={t("announcementsHint")}
      untitled={() => t("newAnnouncement")}
      fields={(announcement, { path, edit }) => (
        <>
          <LocalizedFields
            path={`${path}.body`}
            label={(language) => t("bodyIn", { locale: language })}
            value={announcement.body}
            errors={errors}
            onInput={(language, value) =>
              edit((target) => {
                target.body[language] = value;
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
                edit((target) => {
                  target.startsAt = fromLocalInput(value);
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
                edit((target) => {
                  target.endsAt = fromLocalInput(value);
                })
              }
            />
          </div>
        </>
      )}
      add={[
        {
          label: t("addAnnouncement"),
          create: (draft) => {
            const startsAt = new Date();
            startsAt.setMinutes(0, 0, 0);
            return {
              id: newId(draft, "announcements", ""),
              title: {},
              body: {},
              startsAt: startsAt.toISOString(),
              endsAt: new Date(startsAt.getTime() + 7 * DAY).toISOString(),
            };
          },
        },
      ]}
    />
  );
}
