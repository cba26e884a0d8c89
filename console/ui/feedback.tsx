import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import { api } from "../api.ts";
import { formatDate, formatMoney } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $feedback, $feedbackCursor, $feedbackError, loadFeedback } from "../stores/engagement.ts";
import { Status } from "./fields.tsx";
import { PagedTable } from "./paged-table.tsx";

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
      <PagedTable
        caption={t("navFeedback")}
        entries={feedback}
        rowKey={(entry) => entry.orderId}
        empty={t("feedbackNone")}
        onOlder={cursor ? () => void loadFeedback(true) : undefined}
        columns={[
          { header: t("date"), cell: (entry) => formatDate(entry.createdAt, locale) },
          { header: t("rating"), cell: (entry) => t("ratingOf", { rating: entry.rating }) },
          { header: t("comment"), cell: (entry) => entry.comment ?? "—" },
          { header: t("customer"), cell: (entry) => (entry.customerId.startsWith("erased:") ? t("erasedCustomer") : entry.customerId) },
          {
            header: t("order"),
            cell: (entry) =>
              t("feedbackOrder", {
                id: entry.orderId,
                channel: t(entry.order.channel),
                subtotal: formatMoney(entry.order.subtotal, entry.order.currency, locale),
              }),
          },
        ]}
      />
    </div>
  );
}
