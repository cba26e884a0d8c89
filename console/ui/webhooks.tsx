import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import { formatDate } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $deliveries, $deliveriesError, $selectedWebhook, $webhooks, loadWebhooks, openWebhook, redeliver } from "../stores/webhooks.ts";
import { $can } from "../stores/session.ts";
import { Status } from "./fields.tsx";

/** The deliveries log: each webhook's messages, their attempts and the receiver's last answer, with a button to send again. */
export function WebhooksPage() {
  const t = useStore($t);
  const locale = useStore($locale);
  const webhooks = useStore($webhooks);
  const selected = useStore($selectedWebhook);
  const deliveries = useStore($deliveries);
  const error = useStore($deliveriesError);
  const can = useStore($can);
  useEffect(() => void loadWebhooks(), []);
  if (!webhooks) return <p>{t("loading")}</p>;
  return (
    <div class="webhooks">
      <h1>{t("navWebhooks")}</h1>
      {webhooks.length === 0 && <p>{t("webhooksNone")}</p>}
      <ul class="webhook-list">
        {webhooks.map((webhook) => (
          <li key={webhook.id}>
            <button type="button" aria-pressed={webhook.id === selected} onClick={() => void openWebhook(webhook.id)}>
              {webhook.url}
            </button>{" "}
            <span class="hint">
              {t("webhookEvents")}: {webhook.events.join(", ")}
            </span>
          </li>
        ))}
      </ul>
      <Status tone="error" message={error} />
      {selected && (
        <section aria-labelledby="deliveries-title">
          <h2 id="deliveries-title">{t("deliveries")}</h2>
          {deliveries.length === 0 ? (
            <p>{t("noDeliveries")}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("date")}</th>
                  <th scope="col">{t("kind")}</th>
                  <th scope="col">{t("deliveryStatus")}</th>
                  <th scope="col">{t("deliveryAttempts")}</th>
                  <th scope="col">{t("deliveryLast")}</th>
                  <th scope="col">{t("deliveryNext")}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t("redeliver")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((delivery) => (
                  <tr key={delivery.id}>
                    <td>{formatDate(delivery.createdAt, locale)}</td>
                    <td>
                      <code>{delivery.type}</code>
                    </td>
                    <td>{t(delivery.status)}</td>
                    <td>{delivery.attempts}</td>
                    <td>{delivery.lastError ?? (delivery.lastStatus === null ? "—" : String(delivery.lastStatus))}</td>
                    <td>{delivery.nextAttemptAt ? formatDate(delivery.nextAttemptAt, locale) : "—"}</td>
                    <td>
                      {can("owner") && (
                        <button type="button" onClick={() => void redeliver(delivery.id)}>
                          {t("redeliver")}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
