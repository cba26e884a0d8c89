import type { Driver } from "../../storage/driver.ts";
import { widgetOrigins } from "../../storage/widget-origins.ts";
import { MINUTE } from "../../../contract/time.ts";

const MAX_REMEMBERED = 10_000;

/**
 * Which origins load a shop's widget, for the Install page's checklist. The boot request only touches a map in memory; a
 * write goes out at most once a minute per shop and origin from each process, and is never awaited by the request. A write
 * that fails is logged and tried again at the next sighting a minute later.
 */
export class WidgetSightings {
  private readonly written = new Map<string, number>();

  constructor(
    private readonly driver: Driver,
    private readonly now: () => number,
    private readonly log: (line: string) => void,
  ) {}

  saw(shopId: string, origin: string, allowed: boolean): void {
    if (origin.length > 200 || !/^https?:\/\/[^\s/]+$/.test(origin)) return;
    const key = `${shopId} ${origin} ${allowed}`;
    const now = this.now();
    const last = this.written.get(key);
    if (last !== undefined && now - last < MINUTE) return;
    if (this.written.size >= MAX_REMEMBERED) this.written.clear();
    this.written.set(key, now);
    widgetOrigins
      .record(this.driver, { shopId, origin, allowed, at: now })
      .catch((error: unknown) =>
        this.log(`widget sightings: ${origin} for shop ${shopId} not written: ${error instanceof Error ? error.message : String(error)}`),
      );
  }
}
