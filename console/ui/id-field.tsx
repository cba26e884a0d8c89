import { useStore } from "@nanostores/preact";
import { $t } from "../i18n/index.ts";
import { $lockedIds, idTyped, type Listed } from "../stores/program.ts";
import { TextField } from "./fields.tsx";

/** A program item's id: made from its title while new and editable until saved; fixed once saved (codes and the ledger name it). */
export function IdField(props: { list: Listed; index: number; id: string; error?: string }) {
  const t = useStore($t);
  const locked = useStore($lockedIds).has(props.id);
  return (
    <TextField
      path={`${props.list}.${props.index}.id`}
      label={t("id")}
      value={props.id}
      readOnly={locked}
      hint={locked ? t("idLocked") : t("idFromTitle")}
      error={props.error}
      onInput={(value) => idTyped(props.list, props.index, value)}
    />
  );
}
