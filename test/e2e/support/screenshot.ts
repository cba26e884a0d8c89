import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";

export const SCREENSHOTS = "test-results/screenshots";

/**
 * Saves a screenshot artifact for people to look at. It is not an assertion: if the browser
 * cannot capture one (it happens on a busy machine mid-navigation), it tries once more and then
 * says so instead of failing the behaviour under test.
 */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, animations: "disabled", ...options });
      return;
    } catch (error) {
      if (attempt === 2) console.warn(`screenshot ${name} not saved: ${(error as Error).message}`);
      else await page.waitForTimeout(250);
    }
  }
}
