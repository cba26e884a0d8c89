import { atom } from "nanostores";
import { ImportReport } from "../../contract/index.ts";

export interface ImportState {
  phase: "idle" | "uploading" | "processing" | "done" | "failed";
  /** Share of the file sent, 0–1 (the upload's progress: the endpoint then imports it in one go). */
  progress: number;
  report: ImportReport | null;
  error: string | null;
}

export const $importState = atom<ImportState>({ phase: "idle", progress: 0, report: null, error: null });
export const $importFile = atom<File | null>(null);
export const $skipInvalid = atom(false);

/**
 * Uploads the CSV to the console's import route. XMLHttpRequest, not fetch: it reports the upload's progress. A dry run
 * first is the page's default; the real import carries a fresh Idempotency-Key, so a double click imports once.
 */
export function runImport(dryRun: boolean) {
  const file = $importFile.get();
  if (!file) return;
  const query = new URLSearchParams({ dryRun: dryRun ? "1" : "0", skipInvalid: $skipInvalid.get() ? "1" : "0" });
  const request = new XMLHttpRequest();
  request.open("POST", `/v1/console/imports?${query}`);
  request.setRequestHeader("Content-Type", "text/csv");
  if (!dryRun) request.setRequestHeader("Idempotency-Key", `console-${crypto.randomUUID()}`);
  $importState.set({ phase: "uploading", progress: 0, report: null, error: null });
  request.upload.onprogress = (event) => {
    if (event.lengthComputable) $importState.set({ ...$importState.get(), progress: event.loaded / event.total });
  };
  request.upload.onload = () => $importState.set({ ...$importState.get(), phase: "processing", progress: 1 });
  request.onerror = () => $importState.set({ phase: "failed", progress: 0, report: null, error: "network" });
  request.onload = () => {
    let json: unknown = null;
    try {
      json = JSON.parse(request.responseText);
    } catch {
      // left null: reported below
    }
    const report = ImportReport.safeParse(json);
    if (report.success) return $importState.set({ phase: "done", progress: 1, report: report.data, error: null });
    const message = (json as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${request.status}`;
    $importState.set({ phase: "failed", progress: 0, report: null, error: message });
  };
  request.send(file);
}
