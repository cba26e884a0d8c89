import { useStore } from "@nanostores/preact";
import { formatNumber } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $importFile, $importState, $skipInvalid, runImport } from "../stores/imports.ts";
import { $can } from "../stores/session.ts";
import { Field, Status } from "./fields.tsx";

/** Bringing members over from another program: pick a CSV, try it, import it, read the report line by line. */
export function ImportPage() {
  const t = useStore($t);
  const locale = useStore($locale);
  const state = useStore($importState);
  const file = useStore($importFile);
  const skip = useStore($skipInvalid);
  const busy = state.phase === "uploading" || state.phase === "processing";
  const can = useStore($can);
  const report = state.report;
  return (
    <div class="imports">
      <h1>{t("importTitle")}</h1>
      <p class="hint">{t("importHint")}</p>
      {!can("editor") && <p class="hint">{t("readOnly")}</p>}
      <Field path="import-file" label={t("importFile")}>
        {(aria) => (
          <input {...aria} type="file" accept=".csv,text/csv" onChange={(event) => $importFile.set(event.currentTarget.files?.[0] ?? null)} />
        )}
      </Field>
      <label>
        <input type="checkbox" checked={skip} onChange={(event) => $skipInvalid.set(event.currentTarget.checked)} /> {t("skipInvalid")}
      </label>
      <div class="actions">
        <button type="button" disabled={!file || busy || !can("editor")} onClick={() => runImport(true)}>
          {t("dryRun")}
        </button>
        <button type="button" class="primary" disabled={!file || busy || !can("editor")} onClick={() => runImport(false)}>
          {t("importNow")}
        </button>
      </div>
      {busy && (
        <p role="status">
          <progress
            max={1}
            value={state.phase === "processing" ? undefined : state.progress}
            aria-label={t(state.phase === "uploading" ? "uploading" : "processing")}
          />{" "}
          {t(state.phase === "uploading" ? "uploading" : "processing")}
        </p>
      )}
      <Status tone="error" message={state.error === "network" ? t("networkError") : state.error} />
      {report && (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{report.dryRun ? t("importDry") : report.imported ? t("importDone") : t("importNothing")}</h2>
          <p>
            {t("importRows", {
              rows: formatNumber(report.rows, locale),
              created: formatNumber(report.created, locale),
              updated: formatNumber(report.updated, locale),
              points: formatNumber(report.pointsAdded, locale),
            })}
          </p>
          {report.errors.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("line")}</th>
                  <th scope="col">{t("problem")}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((error) => (
                  <tr key={`${error.line}-${error.message}`}>
                    <td>{error.line}</td>
                    <td>{error.message}</td>
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
