import { useStore } from "@nanostores/preact";
import type { ComponentChildren } from "preact";
import type { Program } from "../../contract/index.ts";
import { $locale, $t } from "../i18n/index.ts";
import {
  $programDraft,
  $programErrors,
  addItem,
  editItem,
  editTitle,
  itemsOf,
  type Listed,
  type ListItem,
  removeItem,
  titleKey,
  titleOf,
} from "../stores/program.ts";
import { $session } from "../stores/session.ts";
import { IdField } from "./id-field.tsx";
import { LocalizedFields } from "./localized.tsx";

/** A button that adds an item: its label, and the new item, made from the draft so that its id is unique in the list. */
export interface AddButton<Item> {
  label: string;
  create: (program: Program) => Item;
}

/** What an item's own fields need: its place in the list, the path its errors are under (`rewards.2`), and how to change it. */
export interface ItemEditing<Item> {
  index: number;
  path: string;
  edit: (change: (item: Item) => Item | undefined) => void;
}

interface ListEditorProps<L extends Listed> {
  list: L;
  legend: string;
  hint?: string;
  /** Fields about the whole list, before its items: the tier window, the campaigns' time zone. */
  settings?: ComponentChildren;
  /** The legend of an item that has no title yet. */
  untitled: (item: ListItem<L>) => string;
  /** Said after the title in the item's legend: a campaign's kind. */
  detail?: (item: ListItem<L>) => string;
  /** Under the item's legend, before its title: what the endpoint says of a saved raffle. */
  status?: (item: ListItem<L>) => ComponentChildren;
  /** The item's own fields, after its title and id. */
  fields: (item: ListItem<L>, editing: ItemEditing<ListItem<L>>) => ComponentChildren;
  /** Whether the item may be removed (a raffle that has opened may not); every item may when absent. */
  removable?: (item: ListItem<L>) => boolean;
  /** After the items, before the add buttons: the campaigns' next window. */
  summary?: ComponentChildren;
  add: AddButton<ListItem<L>>[];
}

/**
 * One of the program's lists (rewards, tiers, campaigns, ways to earn, raffles, announcements): each item a fieldset named
 * after its title, with that title in every language, its id, its own fields and a button that removes it; then the buttons
 * that add one.
 */
export function ListEditor<L extends Listed>(props: ListEditorProps<L>) {
  const t = useStore($t);
  const locale = useStore($locale);
  const session = useStore($session);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  if (!program) return null;
  const { list } = props;
  const defaultLocale = session?.shop?.defaultLocale ?? "es";
  const key = titleKey(list);
  const addButtons = props.add.map(({ label, create }) => (
    <button key={label} type="button" onClick={() => addItem(list, create)}>
      {label}
    </button>
  ));
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      {errors[list] && <p class="error">{errors[list]}</p>}
      {props.settings}
      {itemsOf(program, list).map((item, index) => {
        const path = `${list}.${index}`;
        const title = titleOf(item);
        return (
          <fieldset key={index} class="row">
            <legend>
              {title[locale] || title[defaultLocale] || props.untitled(item)}
              {props.detail && ` · ${props.detail(item)}`}
            </legend>
            {props.status?.(item)}
            <LocalizedFields
              path={`${path}.${key}`}
              label={(language) => t(`${key}In`, { locale: language })}
              value={title}
              errors={errors}
              onInput={(language, value) => editTitle(list, index, language, value, defaultLocale)}
            />
            <IdField list={list} index={index} id={item.id} error={errors[`${path}.id`]} />
            {props.fields(item, { index, path, edit: (change) => editItem(list, index, change) })}
            {(props.removable?.(item) ?? true) && (
              <button type="button" class="danger" onClick={() => removeItem(list, index)}>
                {t("removeNamed", { name: title[locale] || item.id })}
              </button>
            )}
          </fieldset>
        );
      })}
      {props.summary}
      {/* several add buttons stand in a row, as the save bar's do */}
      {addButtons.length > 1 ? <div class="actions">{addButtons}</div> : addButtons}
    </fieldset>
  );
}
