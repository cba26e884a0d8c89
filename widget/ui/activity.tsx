import { date, points, t } from "../i18n/index.ts";
import { loadMoreActivity } from "../stores/activity.ts";
import type { View } from "../stores/view.ts";
import { Button, Failure } from "./bits.tsx";

/** The ledger in plain words, newest first, with "show more". */
export function Activity({ payload, activity }: View) {
  const recent = payload.customer?.activity ?? [];
  const entries = activity.loaded ? activity.entries : recent;
  const more = activity.loaded ? activity.cursor !== null : recent.length >= 5;
  if (!entries.length) return <p>{t("empty")}</p>;
  return (
    <>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id} class="w">
            <span>
              {(entry.kind === "adjustment" && entry.reason) || t(`${entry.kind}Entry`)}
              <br />
              <small>{date(entry.createdAt)}</small>
            </span>
            <b>
              {entry.points > 0 ? "+" : "−"}
              {points(Math.abs(entry.points))}
            </b>
          </li>
        ))}
      </ul>
      {activity.error && <Failure text={t("network_error")} />}
      {more && (
        <Button disabled={activity.busy} onClick={loadMoreActivity}>
          {t("more")}
        </Button>
      )}
    </>
  );
}
