import { useStore } from "@nanostores/preact";
import type { FriendOffer } from "../../contract/index.ts";
import { $t } from "../i18n/index.ts";
import { $programDraft, $programErrors, editProgram } from "../stores/program.ts";
import { Checkbox, NumberField, SelectField, TextField } from "./fields.tsx";

function offerOfKind(offer: FriendOffer, kind: FriendOffer["kind"]): FriendOffer {
  const base = { validityDays: offer.validityDays, ...(offer.minimumSubtotal ? { minimumSubtotal: offer.minimumSubtotal } : {}) };
  if (kind === "amount_off") return { ...base, kind, amount: "5" };
  if (kind === "percent_off") return { ...base, kind, percent: 10 };
  return { ...base, kind };
}

/** The referral offer on both sides, and the fraud rule marketers control (the weekly cap). */
export function ReferralFields() {
  const t = useStore($t);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  if (!program) return null;
  const { referral } = program;
  const offer = referral.friendOffer;
  const path = "referral.friendOffer";
  const editOffer = (change: (offer: FriendOffer) => FriendOffer | undefined) =>
    editProgram((draft) => {
      draft.referral.friendOffer = change(draft.referral.friendOffer) ?? draft.referral.friendOffer;
    });
  return (
    <fieldset>
      <legend>{t("referral")}</legend>
      <Checkbox
        label={t("referralEnabled")}
        checked={referral.enabled}
        onChange={(checked) =>
          editProgram((draft) => {
            draft.referral.enabled = checked;
          })
        }
      />
      <NumberField
        path="referral.referrerPoints"
        label={t("referrerPoints")}
        value={referral.referrerPoints}
        error={errors["referral.referrerPoints"]}
        onInput={(value) =>
          editProgram((draft) => {
            draft.referral.referrerPoints = value;
          })
        }
      />
      <fieldset class="row">
        <legend>{t("friendOffer")}</legend>
        <SelectField
          path={`${path}.kind`}
          label={t("kind")}
          value={offer.kind}
          options={(["amount_off", "percent_off", "free_shipping"] as const).map((kind) => [kind, t(kind)])}
          onChange={(value) => editOffer((current) => offerOfKind(current, value as FriendOffer["kind"]))}
        />
        {offer.kind === "amount_off" && (
          <TextField
            path={`${path}.amount`}
            label={t("amount")}
            value={offer.amount}
            error={errors[`${path}.amount`]}
            onInput={(value) =>
              editOffer((o) => {
                if ("amount" in o) o.amount = value;
              })
            }
          />
        )}
        {offer.kind === "percent_off" && (
          <NumberField
            path={`${path}.percent`}
            label={t("percent")}
            value={offer.percent}
            error={errors[`${path}.percent`]}
            onInput={(value) =>
              editOffer((o) => {
                if ("percent" in o) o.percent = value;
              })
            }
          />
        )}
        <TextField
          path={`${path}.minimumSubtotal`}
          label={t("minimumSubtotal")}
          value={offer.minimumSubtotal ?? ""}
          error={errors[`${path}.minimumSubtotal`]}
          onInput={(value) =>
            editOffer((o) => {
              if (value) o.minimumSubtotal = value;
              else delete o.minimumSubtotal;
            })
          }
        />
        <NumberField
          path={`${path}.validityDays`}
          label={t("validityDays")}
          value={offer.validityDays}
          error={errors[`${path}.validityDays`]}
          onInput={(value) =>
            editOffer((o) => {
              o.validityDays = value;
            })
          }
        />
      </fieldset>
      <NumberField
        path="referral.weeklyCap"
        label={t("weeklyCap")}
        hint={t("fraudHint")}
        value={referral.weeklyCap}
        error={errors["referral.weeklyCap"]}
        onInput={(value) =>
          editProgram((draft) => {
            draft.referral.weeklyCap = value;
          })
        }
      />
    </fieldset>
  );
}
