import { useStore } from "@nanostores/preact";
import type { Reward } from "../../contract/index.ts";
import { $t } from "../i18n/index.ts";
import { $programDraft, $programErrors, editProgram } from "../stores/program.ts";
import { NumberField, SelectField, TextField } from "./fields.tsx";

const kinds = ["amount_off", "percent_off", "free_shipping", "free_product"] as const;

/** A reward of another kind keeps its id, cost, title and validity. */
function withKind(reward: Reward, kind: Reward["kind"]): Reward {
  const { id, cost, title, codeValidityDays, minimumSubtotal, tiers } = reward;
  const base = { id, cost, title, codeValidityDays, ...(minimumSubtotal ? { minimumSubtotal } : {}), ...(tiers ? { tiers } : {}) };
  if (kind === "amount_off") return { ...base, kind, amount: "5" };
  if (kind === "percent_off") return { ...base, kind, percent: 10 };
  if (kind === "free_product") return { ...base, kind, product: "" };
  return { ...base, kind };
}

export function RewardsFields() {
  const t = useStore($t);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  if (!program) return null;
  const edit = (index: number, change: (reward: Reward) => Reward | undefined) =>
    editProgram((draft) => {
      const reward = draft.rewards[index];
      if (reward) draft.rewards[index] = change(reward) ?? reward;
    });
  return (
    <fieldset>
      <legend>{t("rewards")}</legend>
      {program.rewards.map((reward, index) => {
        const path = `rewards.${index}`;
        return (
          <fieldset key={index} class="row">
            <legend>{reward.title.es || reward.id}</legend>
            <TextField
              path={`${path}.id`}
              label={t("id")}
              value={reward.id}
              error={errors[`${path}.id`]}
              onInput={(value) =>
                edit(index, (r) => {
                  r.id = value;
                })
              }
            />
            <SelectField
              path={`${path}.kind`}
              label={t("kind")}
              value={reward.kind}
              options={kinds.map((kind) => [kind, t(kind)])}
              onChange={(value) => edit(index, (r) => withKind(r, value as Reward["kind"]))}
            />
            <NumberField
              path={`${path}.cost`}
              label={t("cost")}
              value={reward.cost}
              error={errors[`${path}.cost`]}
              onInput={(value) =>
                edit(index, (r) => {
                  r.cost = value;
                })
              }
            />
            {["es", "en"].map((locale) => (
              <TextField
                key={locale}
                path={`${path}.title.${locale}`}
                label={t("titleIn", { locale })}
                value={reward.title[locale] ?? ""}
                error={errors[`${path}.title.${locale}`]}
                onInput={(value) =>
                  edit(index, (r) => {
                    r.title[locale] = value;
                  })
                }
              />
            ))}
            {reward.kind === "amount_off" && (
              <TextField
                path={`${path}.amount`}
                label={t("amount")}
                value={reward.amount}
                error={errors[`${path}.amount`]}
                onInput={(value) =>
                  edit(index, (r) => {
                    if ("amount" in r) r.amount = value;
                  })
                }
              />
            )}
            {reward.kind === "percent_off" && (
              <NumberField
                path={`${path}.percent`}
                label={t("percent")}
                value={reward.percent}
                error={errors[`${path}.percent`]}
                onInput={(value) =>
                  edit(index, (r) => {
                    if ("percent" in r) r.percent = value;
                  })
                }
              />
            )}
            {reward.kind === "free_product" && (
              <TextField
                path={`${path}.product`}
                label={t("product")}
                value={reward.product}
                error={errors[`${path}.product`]}
                onInput={(value) =>
                  edit(index, (r) => {
                    if ("product" in r) r.product = value;
                  })
                }
              />
            )}
            <TextField
              path={`${path}.minimumSubtotal`}
              label={t("minimumSubtotal")}
              value={reward.minimumSubtotal ?? ""}
              error={errors[`${path}.minimumSubtotal`]}
              onInput={(value) =>
                edit(index, (r) => {
                  if (value) r.minimumSubtotal = value;
                  else delete r.minimumSubtotal;
                })
              }
            />
            <NumberField
              path={`${path}.codeValidityDays`}
              label={t("codeValidityDays")}
              value={reward.codeValidityDays}
              error={errors[`${path}.codeValidityDays`]}
              onInput={(value) =>
                edit(index, (r) => {
                  r.codeValidityDays = value;
                })
              }
            />
            <button type="button" onClick={() => editProgram((draft) => void draft.rewards.splice(index, 1))}>
              {t("remove")}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          editProgram(
            (draft) =>
              void draft.rewards.push({
                id: `reward-${draft.rewards.length + 1}`,
                kind: "free_shipping",
                cost: 500,
                title: { es: "", en: "" },
                codeValidityDays: 30,
              }),
          )
        }
      >
        {t("addReward")}
      </button>
    </fieldset>
  );
}
