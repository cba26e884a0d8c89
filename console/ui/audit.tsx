import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import type { AuditEntry } from "../../contract/index.ts";
import { formatDate, formatNumber } from "../format.ts";
import { $locale, $t, hasText, type TextKey, type Translate } from "../i18n/index.ts";
import { $audit, $auditCursor, loadAudit } from "../stores/team.ts";
import { PagedTable } from "./paged-table.tsx";

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

/** Who made a change: a marketer (by email), the API with the secret key, or the command line. */
function actorName(actor: string, t: Translate): string {
  if (actor === "api") return t("actorApi");
  if (actor === "cli") return t("actorCli");
  return actor;
}

/** Who changed what in the shop, newest first. */
export function AuditPage() {
  const t = useStore($t);
  const locale = useStore($locale);
  const entries = useStore($audit);
  const cursor = useStore($auditCursor);
  useEffect(() => void loadAudit(), []);
  return (
    <div class="audit">
      <h1>{t("navAudit")}</h1>
      <p class="hint">{t("auditHint")}</p>
      <PagedTable
        caption={t("navAudit")}
        entries={entries}
        rowKey={(entry) => entry.id}
        empty={t("auditEmpty")}
        onOlder={cursor ? () => void loadAudit(true) : undefined}
        columns={[
          { header: t("date"), cell: (entry) => formatDate(entry.at, locale) },
          { header: t("who"), cell: (entry) => actorName(entry.actor, t) },
          { header: t("what"), cell: (entry) => (hasText(`audit_${entry.action}`) ? t(`audit_${entry.action}` as TextKey) : entry.action) },
          {
            header: t("detail"),
            cell: (entry) => (
              <>
                {describe(entry, t, locale)}
                {entry.customerId && (
                  <span class="block">
                    {entry.customerId.startsWith("erased:") ? t("erasedCustomer") : t("customerId", { id: entry.customerId })}
                  </span>
                )}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
