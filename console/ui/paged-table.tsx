import { useStore } from "@nanostores/preact";
import type { ComponentChildren } from "preact";
import { $t } from "../i18n/index.ts";

/** A column of a table: its header, and what each entry shows in it. */
export interface Column<Entry> {
  header: string;
  cell: (entry: Entry) => ComponentChildren;
}

/**
 * Entries newest first, a page at a time (the audit log, the feedback): a table that scrolls sideways on a narrow screen, and
 * a button that loads the next older page while there is one.
 */
export function PagedTable<Entry>(props: {
  /** The table's name for screen readers; the page's heading already says it on screen. */
  caption: string;
  columns: Column<Entry>[];
  /** Null while the first page loads. */
  entries: Entry[] | null;
  rowKey: (entry: Entry) => string;
  /** What the page says when there are no entries at all. */
  empty: string;
  /** Loads the next older page; absent once the last page is shown. */
  onOlder?: () => void;
}) {
  const t = useStore($t);
  const { entries, columns } = props;
  return (
    <>
      {!entries ? (
        <p>{t("loading")}</p>
      ) : entries.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{props.caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.header} scope="col">
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={props.rowKey(entry)}>
                  {columns.map((column) => (
                    <td key={column.header}>{column.cell(entry)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.onOlder && (
        <button type="button" onClick={props.onOlder}>
          {t("olderEntries")}
        </button>
      )}
    </>
  );
}
