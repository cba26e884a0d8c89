import { useStore } from "@nanostores/preact";
import type { Reward } from "../../contract/index.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $programDraft, $programErrors, editProgram, newId } from "../stores/program.ts";
import { Checkbox, NumberField, SelectField, TextField } from "./fields.tsx";
import { ListEditor } from "./list-editor.tsx";

const kinds = ["amount_off", "percent_off", "free_shipping", "free_product"] as const;

/** A reward of another kind keeps its id, cost, title, tiers and validity. */
function withKind(reward: Reward, kind: Reward["kind"]): Reward {
  const { id, cost, title, codeValidityDays, minimumSubtotal, tiers } = reward;
  const base = { id, cost, title, codeValidityDays, ...(minimumSubtotal ? { minimumSubtotal } : {}), ...(tiers ? { tiers } : {}) };
  if (kind === "amount_off") return { ...base, kind, amount: "5" };
  if (kind === "percent_off") return { ...base, kind, percent: 10 };
  if (kind === "free_product") return { ...base, kind, product: "" };
  return { ...base, kind };
}

/** Which tiers may redeem a reward: none ticked means every member. */
function TierLimits({ reward, index }: { reward: Reward; index: number }) {
  const t = useStore($t);
  const locale = useStore($locale);
  const program = useStore($programDraft);
  if (!program?.tiers.length) return null;
  const toggle = (tier: string, on: boolean) =>
    editProgram((draft) => {
      const target = draft.rewards[index];
      if (!target) return;
      const tiers = new Set(target.tiers ?? []);
      if (on) tiers.add(tier);
      else tiers.delete(tier);
      if (tiers.size) target.tiers = draft.tiers.map((other) => other.id).filter((id) => tiers.has(id));
      else delete target.tiers;
    });
  return (
    <fieldset class="inline">
      <legend>{t("rewardTiers")}</legend>
      {program.tiers.map((tier) => (
        <Checkbox
          key={tier.id}
          label={tier.name[locale] || Object.values(tier.name)[0] || tier.id}
          checked={reward.tiers?.includes(tier.id) ?? false}
          onChange={(on) => toggle(tier.id, on)}
        />
      ))}
      <p class="hint">{reward.tiers?.length ? t("rewardTiersSome") : t("rewardTiersAll")}</p>
    </fieldset>
  );
}

export function RewardsFields() {
  const t = useStore($t);
  const errors = useStore($programErrors);
  return (
    <ListEditor
      list="rewards"
      legend={t("rewards")}
      hint={t("rewardsHint")}
      untitled={() => t("newReward")}
      fields={(reward, { index, path, edit }) => (
        <>
          <div class="fields-grid">
            <SelectField
              path={`${path}.kind`}
              label={t("kind")}
              value={reward.kind}
              options={kinds.map((kind) => [kind, t(kind)])}
              onChange={(value) => edit((target) => withKind(target, value as Reward["kind"]))}
            />
            <NumberField
              path={`${path}.cost`}
              label={t("cost")}
              value={reward.cost}
              error={errors[`${path}.cost`]}
              onInput={(value) =>
                edit((target) => {
                  target.cost = value;
                })
              }
            />
            {reward.kind === "amount_off" && (
              <TextField
                path={`${path}.amount`}
                label={t("amount")}
                value={reward.amount}
                error={errors[`${path}.amount`]}
                onInput={(value) =>
                  edit((target) => {
                    if ("amount" in target) target.amount = value;
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
                  edit((target) => {
                    if ("percent" in target) target.percent = value;
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
                  edit((target) => {
                    if ("product" in target) target.product = value;
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
                edit((target) => {
                  if (value) target.minimumSubtotal = value;
                  else delete target.minimumSubtotal;
                })
              }
            />
            <NumberField
              path={`${path}.codeValidityDays`}
              label={t("codeValidityDays")}
              value={reward.codeValidityDays}
              error={errors[`${path}.codeValidityDays`]}
              onInput={(value) =>
                edit((target) => {
                  target.codeValidityDays = value;
                })
              }
            />
          </div>
          <TierLimits reward={reward} index={index} />
        </>
      )}
      add={[
        {
          label: t("addReward"),
          create: (draft) => ({ id: newId(draft, "rewards", ""), kind: "free_shipping", cost: 500, title: {}, codeValidityDays: 30 }),
        },
      ]}
    />
  );
}
