import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import type { AuditEntry } from "../../contract/index.ts";
import { formatDate, formatNumber } from "../format.ts";
import { $locale, $t, hasText, type TextKey, type Translate } from "../i18n/index.ts";
import { $audit, $auditCursor, loadAudit } from "../stores/team.ts";

/** What an entry's details say, in words: the changed sections or tokens, the points, the role. */
function describe(entry: AuditEntry, t: Translate, locale: string): string {
  const details = entry.details;
  const list = (value: unknown) => (Array.isArray(value) ? value.join(", ") : "");
  switch (entry.action) {
    case "program.saved":
      return t("auditSections", { list: list(details.sections) || "—" });
    case "theme.saved":
      return t("auditTokens", { list: list(details.tokens) || "—" });
    case "origins.saved":
      return t("auditOrigins", { added: list(details.added) || "—", removed: list(details.removed) || "—" });
    case "secret_key.rotated":
    case "signing_secret.rotated":
      return t("auditOverlap", { hours: formatNumber(Number(details.overlapHours ?? 0), locale) });
    case "customer.adjusted":
      return t("auditPoints", { points: formatNumber(Number(details.points ?? 0), locale) });
    case "marketer.invited":
    case "marketer.removed":
      return `${String(details.email ?? "")} · ${hasText(`role_${String(details.role)}`) ? t(`role_${String(details.role)}` as TextKey) : ""}`;
    case "marketer.role_changed":
      return t("auditRole", { email: String(details.email ?? ""), from: String(details.from ?? ""), to: String(details.to ?? "") });
    case "customers.imported":
      return t("auditImported", {
        rows: formatNumber(Number(details.rows ?? 0), locale),
        created: formatNumber(Number(details.created ?? 0), locale),
        updated: formatNumber(Number(details.updated ?? 0), locale),
        points: formatNumber(Number(details.points ?? 0), locale),
      });
    case "webhook.redelivered":
      return t("auditRedelivered", { delivery: String(details.deliveryId ?? ""), webhook: String(details.webhookId ?? "") });
    case "marketer.joined":
      return hasText(`role_${String(details.role)}`) ? t(`role_${String(details.role)}` as TextKey) : "";
    default:
      return typeof details.email === "string" ? details.email : "";
  }
}

/** Who changed what in the shop, newest first. */
export function AuditPage() {
  const t = useStore($t);
  const locale = useStore($locale);
  const entries = useStore($audit);
  const cursor = useStore($auditCursor);
  useEffect(() => void loadAudit(), []);
  if (!entries) return <p>{t("loading")}</p>;
  return (
    <div class="audit">
      <h1>{t("navAudit")}</h1>
      <p class="hint">{t("auditHint")}</p>
      {entries.length === 0 ? (
        <p>{t("auditEmpty")}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{t("navAudit")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("who")}</th>
                <th scope="col">{t("what")}</th>
                <th scope="col">{t("detail")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDate(entry.at, locale)}</td>
                  <td>{entry.actor === "api" ? t("actorApi") : entry.actor === "cli" ? t("actorCli") : entry.actor}</td>
                  <td>{hasText(`audit_${entry.action}`) ? t(`audit_${entry.action}` as TextKey) : entry.action}</td>
                  <td>
                    {describe(entry, t, locale)}
                    {entry.customerId && (
                      <span class="block">
                        {entry.customerId.startsWith("erased:") ? t("erasedCustomer") : t("customerId", { id: entry.customerId })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" onClick={() => void loadAudit(true)}>
          {t("olderEntries")}
        </button>
      )}
    </div>
  );
}
