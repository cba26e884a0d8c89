import { type ChildProcess, execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { testPostgresUrl } from "../support/database.ts";
import { createShopOn, spawnEndpoint, stopProcess } from "../support/process.ts";

// A backup taken while orders stream in restores into a new endpoint whole: every order acknowledged before the backup
// started is there, and every balance equals the sum of its available ledger entries.
const run = promisify(execFile);
const OPERATOR_KEY = "backup-operator-key-0123456789";
const dir = mkdtempSync(join(tmpdir(), "loyalty-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const start = (file: string, port: number) => spawnEndpoint({ port, databaseUrl: `file:${file}`, operatorKey: OPERATOR_KEY });
const stopped = (child: ChildProcess) => stopProcess(child);
const cli = (script: string, args: string[], file: string) =>
  run(process.execPath, ["--import", "tsx", `server/cli/${script}.ts`, ...args], { env: { ...process.env, DATABASE_URL: `file:${file}` } });

describe.skipIf(testPostgresUrl)("backups of the SQLite database", () => {
  it("taken while orders stream in, restore into a new endpoint with every earlier order and balances equal to the ledger", async () => {
    const live = join(dir, "live.sqlite");
    const port = 19_600 + Math.floor(Math.random() * 90);
    const base = `http://127.0.0.1:${port}`;
    const child = await start(live, port);
    const { secretKey } = await createShopOn(base, OPERATOR_KEY, "kept");
    const acknowledged: string[] = [];
    let running = true;
    let sequence = 0;
    const worker = async () => {
      while (running) {
        const id = `o-${++sequence}`;
        const answer = await fetch(`${base}/v1/orders`, {
          method: "POST",
          headers: { authorization: `Bearer ${secretKey}`, "content-type": "application/json" },
          body: JSON.stringify({
            id,
            customerId: `c${sequence % 25}`,
            subtotal: "12.50",
            currency: "EUR",
            channel: "online",
            placedAt: new Date().toISOString(),
          }),
        });
        if (answer.status === 201) acknowledged.push(id);
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await new Promise((resolve) => setTimeout(resolve, 600));

    const before = [...acknowledged];
    const backupFile = join(dir, "backup.sqlite");
    const taken = await cli("backup", [backupFile], live);
    expect(taken.stdout).toMatch(/backup written to .* ledger entries/);
    // orders keep coming after the backup (however slow the machine)
    for (let waited = 0; acknowledged.length <= before.length + 5 && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    running = false;
    await Promise.all(workers);
    await stopped(child);
    expect(acknowledged.length).toBeGreaterThan(before.length);

    // a backup never overwrites a file
    await expect(cli("backup", [backupFile], live)).rejects.toMatchObject({ code: 1 });

    const restoredFile = join(dir, "restored.sqlite");
    const restored = await cli("restore", [backupFile], restoredFile);
    expect(restored.stdout).toMatch(/^restored /);
    const restoredPort = port + 1;
    const again = await start(restoredFile, restoredPort);
    const customer = await fetch(`http://127.0.0.1:${restoredPort}/v1/customers/c1`, { headers: { authorization: `Bearer ${secretKey}` } });
    expect(customer.status).toBe(200);
    await stopped(again);

    const db = new Database(restoredFile, { readonly: true });
    const stored = new Set(db.prepare("SELECT id FROM orders").pluck().all() as string[]);
    const mismatches = db
      .prepare(
        `SELECT c.id FROM customers c LEFT JOIN ledger l ON l.shop_id = c.shop_id AND l.customer_id = c.id
         GROUP BY c.shop_id, c.id, c.balance HAVING c.balance <> COALESCE(SUM(CASE WHEN l.pending_until IS NULL THEN l.points END), 0)`,
      )
      .all();
    db.close();
    expect(before.length).toBeGreaterThan(10);
    for (const id of before) expect(stored.has(id), `order ${id} acknowledged before the backup`).toBe(true);
    expect(mismatches).toEqual([]);
    console.log(`backup: ${before.length} orders acknowledged before it, ${stored.size} in it, ${acknowledged.length} in all`);
  }, 90_000);

  it("restore refuses a database whose endpoint may be running, and a file that is not a backup", async () => {
    const file = join(dir, "busy.sqlite");
    const port = 19_690 + Math.floor(Math.random() * 9);
    const child = await start(file, port);
    await createShopOn(`http://127.0.0.1:${port}`, OPERATOR_KEY, "busy");
    const backupFile = join(dir, "busy-backup.sqlite");
    await cli("backup", [backupFile], file);
    expect(existsSync(`${file}-wal`)).toBe(true);
    await expect(cli("restore", [backupFile], file)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/may still be running/) });
    await stopped(child);
    const notABackup = join(dir, "not-a-backup.sqlite");
    new Database(notABackup).exec("CREATE TABLE t (x INTEGER)");
    await expect(cli("restore", [notABackup], join(dir, "other.sqlite"))).rejects.toMatchObject({
      stderr: expect.stringMatching(/schema_migrations/),
    });
    expect(existsSync(join(dir, "other.sqlite"))).toBe(false);
  }, 60_000);
});
