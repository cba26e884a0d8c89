import { createHash } from "node:crypto";
import { CsvError, parse } from "csv-parse/sync";
import type { ImportReport } from "../../contract/index.ts";
import { referralCode } from "../domain/codes.ts";
import { headerProblem, type ImportRow, judgeImportRow } from "../domain/imports.ts";
import { importMember, importRuns, previewMember } from "../storage/imports.ts";
import { ApiError } from "./errors.ts";
import type { Services, Shop } from "./services.ts";

/** Rows written per transaction: SQLite's one writer is never held for long, and a PostgreSQL transaction stays small. */
const ROWS_PER_TRANSACTION = 500;
export const MAX_IMPORT_ROWS = 200_000;
/** Errors listed in a report; the count of the rest is in the last message. */
const MAX_ERRORS = 1000;

interface Parsed {
  rows: ImportRow[];
  errors: { line: number; message: string }[];
  total: number;
}

/** Reads the CSV and checks every row: the header, each value, ids that appear twice. */
export function readImport(csv: string): Parsed {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError)
      return { rows: [], errors: [{ line: Number(error.lines ?? 1), message: `not readable as CSV: ${error.message}` }], total: 0 };
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], errors: [{ line: 1, message: "the file is empty: expected a header customerId,email,name,points" }], total: 0 };
  const columns = header.record;
  const problem = headerProblem(columns);
  if (problem) return { rows: [], errors: [{ line: header.info.lines, message: problem }], total: body.length };
  if (body.length > MAX_IMPORT_ROWS)
    return { rows: [], errors: [{ line: 1, message: `at most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows an import` }], total: body.length };
  const rows: ImportRow[] = [];
  const errors: Parsed["errors"] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== columns.length) {
      errors.push({ line, message: `expected ${columns.length} fields, found ${record.length}` });
      continue;
    }
    const judged = judgeImportRow(Object.fromEntries(columns.map((column, index) => [column, record[index]])), line);
    if ("error" in judged) errors.push({ line, message: judged.error });
    else if (seen.has(judged.row.customerId))
      errors.push({ line, message: `customerId ${judged.row.customerId} appears again (first on line ${seen.get(judged.row.customerId)})` });
    else {
      seen.set(judged.row.customerId, line);
      rows.push(judged.row);
    }
  }
  return { rows, errors, total: body.length };
}

const listed = (errors: Parsed["errors"]) =>
  errors.length <= MAX_ERRORS
    ? errors
    : [...errors.slice(0, MAX_ERRORS), { line: errors[MAX_ERRORS]?.line ?? 0, message: `and ${errors.length - MAX_ERRORS} more errors` }];

/**
 * Brings members and balances over from another program (contract 7.6). Nothing is written when a row is invalid, unless
 * `skipInvalid`; a dry run only reports. Idempotent on the key: a replay answers the first report, another file under the
 * same key is a 409, and an import cut short (the process stopped) completes when sent again with its key — each member's
 * balance is one `import` entry, never two.
 */
export async function importMembers(
  services: Services,
  shop: Shop,
  csv: string,
  options: { key: string | null; dryRun: boolean; skipInvalid: boolean },
): Promise<{ report: ImportReport; replayed: boolean }> {
  const parsed = readImport(csv);
  const report: ImportReport = {
    rows: parsed.total,
    created: 0,
    updated: 0,
    pointsAdded: 0,
    pointsAlreadyImported: 0,
    dryRun: options.dryRun,
    imported: false,
    errors: listed(parsed.errors),
  };
  const writes = parsed.errors.length === 0 || (options.skipInvalid && parsed.rows.length > 0);
  if (options.dryRun || !writes) {
    if (options.dryRun || options.skipInvalid)
      for (const row of parsed.rows) {
        const preview = await previewMember(services.driver.read, shop.id, row.customerId);
        if (preview.exists) report.updated++;
        else report.created++;
        if (row.points > 0 && preview.alreadyImported) report.pointsAlreadyImported++;
        else report.pointsAdded += row.points;
      }
    return { report, replayed: false };
  }
  if (!options.key) throw new ApiError("invalid_request", "send an Idempotency-Key header of 8–128 letters, digits, . _ : -");
  const key = options.key;
  const hash = createHash("sha256")
    .update(csv)
    .update(options.skipInvalid ? "\u0000skip" : "")
    .digest("base64url");
  const previous = await importRuns.get(services.driver.read, shop.id, key);
  if (previous && previous.request_hash !== hash) throw new ApiError("conflict", "this Idempotency-Key was used for another import");
  if (previous?.result) return { report: JSON.parse(previous.result) as ImportReport, replayed: true };
  const now = services.now();
  await services.driver.transaction((tx) => importRuns.start(tx, shop.id, key, hash, now));
  for (let start = 0; start < parsed.rows.length; start += ROWS_PER_TRANSACTION) {
    const chunk = parsed.rows.slice(start, start + ROWS_PER_TRANSACTION);
    const done = await services.driver.transaction(async (tx) => {
      const counts = { created: 0, updated: 0, pointsAdded: 0, alreadyImported: 0 };
      for (const row of chunk) {
        const outcome = await importMember(tx, shop, row, now, referralCode);
        if (outcome.created) counts.created++;
        else counts.updated++;
        counts.pointsAdded += outcome.pointsAdded;
        if (outcome.alreadyImported) counts.alreadyImported++;
      }
      return counts;
    });
    report.created += done.created;
    report.updated += done.updated;
    report.pointsAdded += done.pointsAdded;
    report.pointsAlreadyImported += done.alreadyImported;
  }
  report.imported = true;
  await services.driver.transaction((tx) => importRuns.finish(tx, shop.id, key, JSON.stringify(report)));
  return { report, replayed: false };
}
