import { marketers } from "../../storage/repository.ts";
import type { Services } from "../services.ts";
import { saveMarketer } from "./accounts.ts";

export const DEMO_MARKETER = { email: "marketing@example.com", password: "premio-demo-2024" } as const;

/**
 * Creates the demo shop's marketer on first start (development only) and returns the credentials to
 * print. A later start finds the account and leaves its password alone.
 */
export async function seedDemoMarketer(services: Services, shopId: string): Promise<{ email: string; password: string; created: boolean }> {
  const existing = await marketers.get(services.driver.read, shopId, DEMO_MARKETER.email);
  if (!existing) await saveMarketer(services, shopId, DEMO_MARKETER.email, DEMO_MARKETER.password);
  return { ...DEMO_MARKETER, created: !existing };
}
