import { Hono } from "hono";
import { ImportQuery, ImportReport } from "../../contract/index.ts";
import { ApiError } from "../operations/errors.ts";
import { importMembers } from "../operations/imports.ts";
import { shopKey } from "./auth.ts";
import { document } from "./docs.ts";
import type { AppEnv } from "./env.ts";
import { readRawBody } from "./raw-body.ts";
import { queryOf } from "./validate.ts";

/** 200,000 rows of a few dozen bytes each. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
const flag = (value: string | undefined) => value === "1" || value === "true";

/** Imports members and balances from a CSV file (contract 7.6): the route the console's import page uses too. */
export const importRoutes = new Hono<AppEnv>();
importRoutes.use(shopKey);

document({
  method: "post",
  path: "/v1/imports",
  tag: "imports",
  auth: "shopKey",
  query: ImportQuery,
  headers: [
    { name: "Idempotency-Key", required: true, description: "One key per import (not needed for ?dryRun=1): a retry answers the first report" },
  ],
  response: ImportReport,
  status: 201,
  summary:
    "Import members and balances: a text/csv body with the header customerId,email,name,points (optional birthday, tierPoints). ?dryRun=1 only reports; with an invalid row nothing is written (422 with the report) unless ?skipInvalid=1. Imported points are ledger entries of kind import, once per customer",
  errors: [400, 401, 409, 413, 415, 422],
});
importRoutes.post("/", queryOf(ImportQuery), async (c) => {
  if (!/^text\/csv\b/i.test(c.req.header("content-type") ?? "")) throw new ApiError("unsupported_media_type", "send the file as text/csv");
  const { dryRun, skipInvalid } = c.get("query");
  const key = c.req.header("idempotency-key") ?? null;
  if (key !== null && !/^[\w.:-]{8,128}$/.test(key))
    throw new ApiError("invalid_request", "send an Idempotency-Key header of 8–128 letters, digits, . _ : -");
  const csv = (await readRawBody(c, MAX_IMPORT_BYTES)).toString("utf8");
  const { report, replayed } = await importMembers(c.get("services"), c.get("shop"), csv, {
    key,
    dryRun: flag(dryRun),
    skipInvalid: flag(skipInvalid),
  });
  if (replayed) c.header("Idempotent-Replayed", "true");
  if (report.dryRun) return c.json(report, 200);
  if (!report.imported) {
    const message = `${report.errors.length} line(s) are invalid: nothing was imported (fix them, or send ?skipInvalid=1 to import the valid ones)`;
    return c.json({ error: { code: "invalid_request", message }, ...report }, 422);
  }
  return c.json(report, 201);
});
