import type { ActivityEntry } from "../../contract/widget.ts";
import type { Words } from "../i18n/index.ts";
import { loadMoreActivity } from "../stores/activity.ts";
import type { PanelProps } from "./panel.tsx";

const describe = (entry: ActivityEntry, words: Words) => (entry.kind === "adjustment" && entry.reason) || words.t(`${entry.kind}Entry`);

/** The ledger in plain words, newest first, with "show more". */
export function Activity({ payload, words, activity }: PanelProps) {
  const recent = payload.customer?.activity ?? [];
  const entries = activity.loaded ? activity.entries : recent;
  const more = activity.loaded ? activity.cursor !== null : recent.length >= 5;
  if (!entries.length) return <p>{words.t("empty")}</p>;
  return (
    <>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id} class="w">
            <span>
              {describe(entry, words)}
              <br />
              <small>{words.date(entry.createdAt)}</small>
            </span>
            <b>
              {entry.points > 0 ? "+" : "−"}
              {words.points(Math.abs(entry.points))}
            </b>
          </li>
        ))}
      </ul>
      {activity.error && (
        <p part="error" role="alert">
          {words.t("network_error")}
        </p>
      )}
      {more && (
        <button type="button" disabled={activity.busy} onClick={loadMoreActivity}>
          {words.t("more")}
        </button>
      )}
    </>
  );
}
