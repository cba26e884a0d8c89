import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Driver } from "../../server/storage/driver.ts";
import { UniqueViolation } from "../../server/storage/driver.ts";
import { freshDriver } from "../support/database.ts";

let dir: string;
let driver: Driver;
let drop: () => Promise<void>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "loyalty-storage-"));
  ({ driver, drop } = await freshDriver(dir));
  await driver.migrate();
  await driver.transaction((tx) =>
    tx.run("INSERT INTO customers (shop_id, id, referral_code, created_at) VALUES ('s', 'a', 'A', 0), ('s', 'b', 'B', 0)"),
  );
});
afterEach(async () => {
  await driver.close();
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

const balances = async () =>
  (await driver.read.all<{ id: string; balance: number }>("SELECT id, balance FROM customers ORDER BY id")).map((row) => [row.id, row.balance]);

describe(`storage transactions (${process.env.LOYALTY_TEST_DATABASE ? "PostgreSQL" : "SQLite"})`, () => {
  it("commits concurrent transactions, and a failing one undoes only its own writes", async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        driver.transaction(async (tx) => {
          await tx.run("UPDATE customers SET balance = balance + 1 WHERE shop_id = 's' AND id = 'a'");
          if (i % 3 === 0) throw new Error(`refused ${i}`);
          await tx.run("UPDATE customers SET balance = balance + 1 WHERE shop_id = 's' AND id = 'b'");
          return i;
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toHaveLength(10);
    expect(await balances()).toEqual([
      ["a", 20],
      ["b", 20],
    ]);
  });

  it("reports a unique-key clash as UniqueViolation and writes nothing of that transaction", async () => {
    const clash = driver.transaction(async (tx) => {
      await tx.run("UPDATE customers SET balance = 99 WHERE shop_id = 's' AND id = 'a'");
      await tx.run("INSERT INTO customers (shop_id, id, referral_code, created_at) VALUES ('s', 'c', 'A', 0)");
    });
    await expect(clash).rejects.toBeInstanceOf(UniqueViolation);
    expect(await balances()).toEqual([
      ["a", 0],
      ["b", 0],
    ]);
  });

  it("applies migrations once", async () => {
    expect(await driver.migrate()).toBe(0);
  });

  it("runs a statement prepared before its table changed (another process's migration), in reads and in transactions", async () => {
    const everyone = () => driver.read.all<{ id: string; extra?: number | null }>("SELECT * FROM customers WHERE shop_id = ? ORDER BY id", ["s"]);
    const inTransaction = () => driver.transaction((tx) => tx.all<{ id: string }>("SELECT * FROM customers WHERE shop_id = ? ORDER BY id", ["s"]));
    // prepared on several connections at once
    await Promise.all(Array.from({ length: 8 }, () => Promise.all([everyone(), inTransaction()])));
    await driver.transaction((tx) => tx.run("ALTER TABLE customers ADD COLUMN extra INTEGER"));
    const reads = await Promise.all(Array.from({ length: 8 }, everyone));
    for (const rows of reads)
      expect(rows.map((row) => [row.id, row.extra ?? null])).toEqual([
        ["a", null],
        ["b", null],
      ]);
    const written = await Promise.all(Array.from({ length: 8 }, inTransaction));
    for (const rows of written) expect(rows.map((row) => row.id)).toEqual(["a", "b"]);
  });
});
