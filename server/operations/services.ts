import { TokenMemory } from "../domain/tokens.ts";
import { OrderBatches } from "./order-batches.ts";
import { VersionChecks } from "./version-checks.ts";
import type { Driver } from "../storage/driver.ts";
import { WidgetSightings } from "./console/sightings.ts";
import { ShopDirectory } from "./shop-directory.ts";
import { ShopSettings } from "./shop-settings.ts";
import type { TransportPolicy } from "./webhook-transport.ts";
import { WidgetViews } from "./widget-views.ts";

export type { Shop } from "./shop-directory.ts";

export interface ServicesOptions {
  /** How long a process may serve a shop's configuration from memory. Infinity for one process. */
  shopCacheMs?: number;
  now?: () => number;
  /** Where webhooks may be delivered (private targets only with LOYALTY_WEBHOOK_ALLOW_PRIVATE=1), and how. */
  webhooks?: TransportPolicy;
  /** Where the work done beside the requests reports a failure (a sighting not written); standard error unless given. */
  log?: (line: string) => void;
}

/**
 * The endpoint's context, one per app: storage, the clock, the shops (read through a cache, written through their settings),
 * and the other things a process keeps in memory (the widget's rendered parts, the origins seen loading the widget).
 */
export class Services {
  readonly now: () => number;
  /** The shops' configuration as this process serves it. */
  readonly shops: ShopDirectory;
  /** Changes to a shop's configuration. */
  readonly settings: ShopSettings;
  /** The widget's answers' parts, rendered once and kept while they hold. */
  readonly widgetViews = new WidgetViews();
  /** The customer tokens this app has checked (their signatures are not checked again). */
  readonly tokens = new TokenMemory();
  /** The members' versions the boot requests of one turn check, read in one statement (PostgreSQL). */
  readonly versionChecks: VersionChecks;
  /** The orders of one turn, their facts read and their plans applied together (PostgreSQL). */
  readonly orderBatches: OrderBatches;
  /** The origins whose pages ask for the widget, kept in memory and written at most once a minute each. */
  readonly widgetSightings: WidgetSightings;
  readonly webhookPolicy: TransportPolicy;

  constructor(
    readonly driver: Driver,
    options: ServicesOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.webhookPolicy = options.webhooks ?? { allowPrivate: false };
    this.shops = new ShopDirectory(driver, this.now, options.shopCacheMs ?? (driver.dialect === "sqlite" ? Number.POSITIVE_INFINITY : 2000));
    this.settings = new ShopSettings(driver, this.now, this.shops);
    this.widgetSightings = new WidgetSightings(driver, this.now, options.log ?? ((line) => console.error(line)));
    this.versionChecks = new VersionChecks(driver);
    this.orderBatches = new OrderBatches(driver);
  }
}
