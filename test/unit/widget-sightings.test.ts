import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MINUTE } from "../../contract/time.ts";
import { WidgetSightings } from "../../server/operations/console/sightings.ts";
import type { Driver } from "../../server/storage/driver.ts";
import { widgetOrigins } from "../../server/storage/widget-origins.ts";
import { freshDriver } from "../support/database.ts";

let dir: string;
let driver: Driver;
let drop: () => Promise<void>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "loyalty-sightings-"));
  ({ driver, drop } = await freshDriver(dir));
  await driver.migrate();
});
afterEach(async () => {
  await driver.close();
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

/** The driver, its write transactions counted; they fail while `down` is set, as when the database is briefly unreachable. */
function flakyDriver(driver: Driver) {
  const state = { down: false, writes: 0 };
  const transaction = (work: Parameters<Driver["transaction"]>[0]) => {
    state.writes++;
    return state.down ? Promise.reject(new Error("connection lost")) : driver.transaction(work);
  };
  const proxy = new Proxy(driver, {
    get: (target, property) => (property === "transaction" ? transaction : Reflect.get(target, property, target)),
  });
  return { driver: proxy as Driver, state };
}

const seen = () => widgetOrigins.ofShop(driver.read, "tienda").then((rows) => rows.map((row) => [row.origin, Number(row.last_seen_at)]));

describe("the widget's sightings", () => {
  it("logs a write that failed and writes the sighting again a minute later", async () => {
    const { driver: flaky, state } = flakyDriver(driver);
    let clock = Date.parse("2026-03-01T10:00:00Z");
    const lines: string[] = [];
    const sightings = new WidgetSightings(
      flaky,
      () => clock,
      (line) => lines.push(line),
    );

    state.down = true;
    sightings.saw("tienda", "https://tienda.example", true);
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(lines[0]).toBe("widget sightings: https://tienda.example for shop tienda not written: connection lost");

    // within the minute, a sighting is not written again, failed or not
    state.down = false;
    clock += MINUTE - 1;
    sightings.saw("tienda", "https://tienda.example", true);
    expect(state.writes).toBe(1);
    expect(await seen()).toEqual([]);

    clock += 1;
    sightings.saw("tienda", "https://tienda.example", true);
    await vi.waitFor(async () => expect(await seen()).toEqual([["https://tienda.example", clock]]));
    expect(state.writes).toBe(2);
    expect(lines).toHaveLength(1);
  });
});
