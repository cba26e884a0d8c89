import { connectors, type Platform } from "../../storage/connectors.ts";
import type { Services, Shop } from "../services.ts";

export type { Platform };

/** Connects the shop to a platform: its configuration, with the secret that verifies the platform's signatures, is stored. */
export async function connectPlatform(services: Services, shop: Shop, platform: Platform, config: unknown): Promise<void> {
  await services.driver.transaction((tx) => connectors.put(tx, shop.id, platform, config, services.now()));
}

/** The shop's configuration for a platform, or undefined when the shop is not connected to it. */
export function platformConfig<T>(services: Services, shop: Shop, platform: Platform): Promise<T | undefined> {
  return connectors.get<T>(services.driver.read, shop.id, platform);
}
