/** @jsxImportSource widget-dom */
import type { View } from "../view.ts";
import { Button, Problem } from "./bits.tsx";

/** The ledger in plain words, newest first, each entry with its date and signed points; more pages on demand. */
export function Activity(view: View) {
  const { customer, activity, words, format, stores } = view;
  const { t } = words;
  const recent = customer?.activity ?? [];
  const entries = activity.loaded ? activity.entries : recent;
  const more = activity.loaded ? activity.cursor !== null : recent.length >= 5;
  if (!entries.length) return <p class="empty muted">{t("activity.empty")}</p>;
  return (
    <>
      <ul class="stack">
        {entries.map((entry) => (
          <li class="row">
            <span class="row-text">
              {/* a kind this widget does not know yet (a newer endpoint's) still says something */}
              <b>{(entry.kind === "adjustment" && entry.reason) || t(`entry.${entry.kind}`) || t("entry.other")}</b>
              <span class="muted">
                {format.date(entry.occurredAt)}
                {entry.pendingUntil && ` · ${t("activity.pending", { date: format.date(entry.pendingUntil) })}`}
              </span>
            </span>
            <b class="amount">
              {entry.points >= 0 ? "+" : "−"}
              {words.points(Math.abs(entry.points))}
            </b>
          </li>
        ))}
      </ul>
      <Problem view={view} error={activity.error} />
      {more && (
        <Button class="button secondary wide" disabled={activity.busy} onClick={stores.activity.loadMore}>
          {t("activity.more")}
        </Button>
      )}
    </>
  );
}
