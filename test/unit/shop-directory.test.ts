import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Services } from "../../server/operations/services.ts";
import type { Driver, Queries } from "../../server/storage/driver.ts";
import { freshDriver } from "../support/database.ts";

/**
 * The driver, with its reads of the shops' tables counted; while `hold` is set, each such read waits for it after it has
 * read its rows, as a read still on its way back from the database.
 */
function watchedDriver(driver: Driver) {
  const watch = { shopReads: 0, hold: null as Promise<void> | null };
  const touchesShops = (sql: string) => /\bFROM (shops|retiring_keys)\b/.test(sql);
  /** The statement's outcome, counted (and held) if it read the shops' tables. */
  const watched = async <T>(sql: string, outcome: Promise<T>): Promise<T> => {
    const value = await outcome;
    if (touchesShops(sql)) {
      watch.shopReads++;
      await watch.hold;
    }
    return value;
  };
  const read: Queries = {
    one: (sql, params) => watched(sql, driver.read.one(sql, params)) as never,
    all: (sql, params) => watched(sql, driver.read.all(sql, params)) as never,
    run: (sql, params) => driver.read.run(sql, params),
  };
  const proxy = new Proxy(driver, {
    get: (target, property) => (property === "read" ? read : Reflect.get(target, property, target)),
  });
  return { driver: proxy as Driver, watch };
}

let dir: string;
let driver: Driver;
let drop: () => Promise<void>;
let clock: number;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "loyalty-shop-directory-"));
  ({ driver, drop } = await freshDriver(dir));
  await driver.migrate();
  clock = Date.parse("2026-03-01T10:00:00Z");
});
afterEach(async () => {
  await driver.close();
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Services on the watched driver, keeping shops for two seconds as a process beside others on PostgreSQL does. */
async function withShop() {
  const { driver: watched, watch } = watchedDriver(driver);
  const services = new Services(watched, { now: () => clock, shopCacheMs: 2000 });
  const created = await services.settings.createShop({ id: "tienda", name: "Tienda", allowedOrigins: [], defaultLocale: "es", currency: "EUR" });
  return { services, watch, created };
}

describe("the shop directory", () => {
  it("requests that find a shop expired at the same moment wait for one read of it", async () => {
    const { services, watch } = await withShop();
    await services.shops.get("tienda");
    clock += 2001;
    watch.shopReads = 0;
    const shops = await Promise.all(Array.from({ length: 20 }, () => services.shops.get("tienda")));
    expect(shops.every((shop) => shop?.id === "tienda")).toBe(true);
    // the shop's row and its retiring keys, once
    expect(watch.shopReads).toBe(2);
    // and kept: no read while it holds
    await services.shops.get("tienda");
    expect(watch.shopReads).toBe(2);
  });

  it("requests with the same secret key at the same moment wait for one lookup of it, and an unknown key is found by none", async () => {
    const { services, watch, created } = await withShop();
    watch.shopReads = 0;
    const found = await Promise.all(Array.from({ length: 20 }, () => services.shops.bySecretKey(created.secretKey)));
    expect(found.every((shop) => shop?.id === "tienda")).toBe(true);
    // the key's shop, then the shop's row and its retiring keys
    expect(watch.shopReads).toBe(3);
    expect(await Promise.all([services.shops.bySecretKey("sk_nobody"), services.shops.bySecretKey("sk_nobody")])).toEqual([null, null]);
  });

  it("a read that began before a write is answered, but the shop as written is what is kept", async () => {
    const { services, watch } = await withShop();
    let release = () => {};
    watch.hold = new Promise((resolve) => {
      release = resolve;
    });
    const before = services.shops.get("tienda");
    // the read has its rows and is on its way back when the name changes
    while (watch.shopReads === 0) await new Promise((resolve) => setImmediate(resolve));
    await driver.transaction((tx) => tx.run("UPDATE shops SET name = ? WHERE id = ?", ["Tienda Nueva", "tienda"]));
    services.shops.forget("tienda");
    release();
    expect((await before)?.name).toBe("Tienda");
    expect((await services.shops.get("tienda"))?.name).toBe("Tienda Nueva");
  });
});
