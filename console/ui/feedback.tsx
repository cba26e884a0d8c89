import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import { api } from "../api.ts";
import { formatDate, formatMoney } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $feedback, $feedbackCursor, $feedbackError, loadFeedback } from "../stores/engagement.ts";
import { Status } from "./fields.tsx";

/** Post-purchase feedback (contract 7.4), newest first, each with its order; all of it as CSV. */
export function FeedbackPage() {
  const t = useStore($t);
  const locale = useStore($locale);
  const feedback = useStore($feedback);
  const cursor = useStore($feedbackCursor);
  const error = useStore($feedbackError);
  useEffect(() => void loadFeedback(), []);
  return (
    <div class="feedback">
      <h1>{t("navFeedback")}</h1>
      <p class="hint">{t("feedbackHint")}</p>
      <Status tone="error" message={error} />
      <a class="button" href={api.feedbackExportUrl} download>
        {t("downloadCsv")}
      </a>
      {!feedback ? (
        <p>{t("loading")}</p>
      ) : feedback.length === 0 ? (
        <p>{t("feedbackNone")}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{t("navFeedback")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("rating")}</th>
                <th scope="col">{t("comment")}</th>
                <th scope="col">{t("customer")}</th>
                <th scope="col">{t("order")}</th>
              </tr>
            </thead>
            <tbody>
              {feedback.map((entry) => (
                <tr key={entry.orderId}>
                  <td>{formatDate(entry.createdAt, locale)}</td>
                  <td>{t("ratingOf", { rating: entry.rating })}</td>
                  <td>{entry.comment ?? "—"}</td>
                  <td>{entry.customerId.startsWith("erased:") ? t("erasedCustomer") : entry.customerId}</td>
                  <td>
                    {t("feedbackOrder", {
                      id: entry.orderId,
                      channel: t(entry.order.channel),
                      subtotal: formatMoney(entry.order.subtotal, entry.order.currency, locale),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" onClick={() => void loadFeedback(true)}>
          {t("olderEntries")}
        </button>
      )}
    </div>
  );
}
