import { migrations } from "../storage/migrations.ts";
import { appliedMigrations } from "../storage/repository.ts";
import { deliveries } from "../storage/webhooks.ts";
import type { Services } from "./services.ts";

type Driver = Services["driver"];

/** The migration versions this build has that the database has not applied (throws when storage does not answer). */
export async function missingMigrations(driver: Driver): Promise<number[]> {
  const applied = new Set(await appliedMigrations(driver.read));
  return migrations.filter((migration) => !applied.has(migration.version)).map((migration) => migration.version);
}

/** Webhook messages waiting to be sent (first tries and retries), and when the oldest of them was queued. */
export const webhookQueue = (driver: Driver) => deliveries.queue(driver.read);
