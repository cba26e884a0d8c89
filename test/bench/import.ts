// The import's figure (contract 7.6: 100,000 rows in under a minute on SQLite): `tsx test/bench/import.ts [--rows N]`,
// or `importFigures()` from run.ts. A fresh SQLite file (synchronous=FULL, as served), one shop, one CSV through the route.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { createApp } from "../../server/http/app.ts";
import { Services } from "../../server/operations/services.ts";
import { openSqlite } from "../../server/storage/sqlite.ts";

/** A CSV of `rows` members: every one with an email and a name, most with points, some with a birthday and tier points. */
export function memberCsv(rows: number): string {
  const lines = ["customerId,email,name,points,birthday,tierPoints"];
  for (let i = 0; i < rows; i++) {
    const birthday = i % 3 === 0 ? `19${50 + (i % 50)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}` : "";
    lines.push(`m${i},member${i}@example.com,"Member ${i}, Imported",${(i * 37) % 5000},${birthday},${i % 4 === 0 ? (i * 13) % 3000 : ""}`);
  }
  return `${lines.join("\n")}\n`;
}

export async function importFigures(rows = 100_000) {
  const dir = mkdtempSync(join(tmpdir(), "loyalty-import-bench-"));
  const driver = openSqlite(join(dir, "loyalty.sqlite"));
  try {
    await driver.migrate();
    const services = new Services(driver);
    const shop = await services.settings.createShop({ id: "bench", name: "Bench", allowedOrigins: [], defaultLocale: "es", currency: "EUR" });
    const app = createApp(services, { rateLimit: false, trustProxy: false, log: () => {} });
    const csv = memberCsv(rows);
    const send = (query: string, key?: string) =>
      app.request(`/v1/imports${query}`, {
        method: "POST",
        headers: { authorization: `Bearer ${shop.secretKey}`, "content-type": "text/csv", ...(key ? { "idempotency-key": key } : {}) },
        body: csv,
      });
    let started = performance.now();
    const dry = await send("?dryRun=1");
    const dryRunSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const answer = await send("", "bench-import-0001");
    const seconds = (performance.now() - started) / 1000;
    const report = (await answer.json()) as { created: number; pointsAdded: number; errors: unknown[] };
    if (answer.status !== 201 || dry.status !== 200 || report.created !== rows || report.errors.length)
      throw new Error(`import failed: ${answer.status} ${JSON.stringify(report).slice(0, 300)}`);
    return { rows, megabytes: Buffer.byteLength(csv) / 1024 / 1024, seconds, dryRunSeconds, rowsPerSecond: rows / seconds };
  } finally {
    await driver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" } } });
  const figures = await importFigures(Number(values.rows));
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(46)} ${value}`);
  console.log(`\nImport benchmark — SQLite, synchronous=FULL, one CSV through POST /v1/imports\n`);
  line(
    `import of ${figures.rows.toLocaleString("en")} rows (${figures.megabytes.toFixed(1)} MB)`,
    `${figures.seconds.toFixed(1)} s, ${Math.round(figures.rowsPerSecond).toLocaleString("en")} rows/s (target < 60 s)`,
  );
  line("dry run of the same file", `${figures.dryRunSeconds.toFixed(1)} s`);
  console.log("");
}
