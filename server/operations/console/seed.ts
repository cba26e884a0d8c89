import { accounts, memberships } from "../../storage/console.ts";
import type { Services } from "../services.ts";
import { saveMarketer } from "./accounts.ts";

export const DEMO_MARKETER = { email: "marketing@example.com", password: "premio-demo-2024" } as const;

/**
 * Creates the demo shop's owner on first start (development only) and returns the credentials to print. A later start finds
 * the account and leaves its password alone (if it was changed in the console, the printed one no longer works).
 */
export async function seedDemoMarketer(services: Services, shopId: string): Promise<{ email: string; password: string; created: boolean }> {
  const existing = await accounts.get(services.driver.read, DEMO_MARKETER.email);
  if (!existing) await saveMarketer(services, shopId, DEMO_MARKETER.email, DEMO_MARKETER.password, "owner");
  else if (!(await memberships.get(services.driver.read, shopId, DEMO_MARKETER.email)))
    await services.driver.transaction((tx) => memberships.upsert(tx, shopId, DEMO_MARKETER.email, "owner", services.now()));
  return { ...DEMO_MARKETER, created: !existing };
}
