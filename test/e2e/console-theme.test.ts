import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { saveMarketer } from "../../server/operations/console/accounts.ts";
import { type RunningEndpoint, startTestEndpoint } from "../support/server.ts";
import { launchBrowser } from "./support/browser.ts";
import { saveScreenshot } from "./support/screenshot.ts";
import { type HostPage, shopPage, startHostPage } from "./support/host-page.ts";

let host: HostPage;
let endpoint: RunningEndpoint;
let browser: Browser;

beforeAll(async () => {
  host = await startHostPage();
  endpoint = await startTestEndpoint({ allowedOrigins: [host.origin] });
  await saveMarketer(endpoint.services, "demo", "marketing@example.com", "a long console password");
  await endpoint.backend("POST", "/v1/customers/ana/adjustments", { id: "ana-1", points: 120, reason: "welcome" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
  await host?.stop();
});

/** The accent the widget paints its launcher with, and the program name on its panel, on the shop's page (another origin). */
async function widgetOnShopPage(page: Page) {
  host.serve(shopPage({ endpoint: endpoint.url, token: endpoint.token("ana") }));
  await page.goto(host.origin);
  const launcher = page.locator("[part=launcher]");
  await expect.poll(() => launcher.textContent()).toContain("puntos");
  await launcher.click();
  const panel = page.locator("[part=panel]");
  await expect.poll(() => panel.isVisible()).toBe(true);
  return {
    accent: await launcher.evaluate((element) => getComputedStyle(element).backgroundColor),
    title: await page.locator("[part=panel] h2").first().textContent(),
  };
}

test("a marketer signs in, changes the accent colour and the program name with a live preview, saves, and the shop's widget shows it", async () => {
  const shopper = await browser.newPage();
  const before = await widgetOnShopPage(shopper);
  expect(before.title).toBe("Club de puntos");
  expect(before.accent).toBe("rgb(11, 110, 79)");

  const context = await browser.newContext({ locale: "es-ES", viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${endpoint.url}/console`);
  await page.getByLabel("Correo electrónico").fill("marketing@example.com");
  await page.getByLabel("Contraseña").fill("a long console password");
  await page.getByRole("button", { name: "Entrar" }).click();

  const accent = page.locator("#field-accent");
  await accent.fill("#aa2200");
  await page.getByLabel("Nombre del programa").first().fill("Club Premio");
  // the preview keeps its box's size while its page loads: nothing beside it moves
  const box = await page.locator(".preview-box").boundingBox();

  // the preview is the real widget in an endpoint page, with the unsaved draft
  const preview = page.frameLocator("iframe.preview-frame");
  await expect.poll(() => preview.locator("[part=panel] h2").first().textContent(), { timeout: 15_000 }).toBe("Club Premio");
  expect(await preview.locator("[part=launcher]").evaluate((element) => getComputedStyle(element).backgroundColor)).toBe("rgb(170, 34, 0)");
  expect(await page.locator(".preview-box").boundingBox()).toEqual(box);
  await saveScreenshot(page, `console-theme-desktop`, { fullPage: true });
  await page.getByRole("button", { name: "Móvil" }).click();
  await saveScreenshot(page, `console-theme-mobile-preview`, { fullPage: true });

  // nothing reaches shoppers before saving
  expect((await widgetOnShopPage(await browser.newPage())).title).toBe("Club de puntos");

  await page.getByRole("button", { name: "Guardar" }).click();
  await expect.poll(() => page.getByRole("status").filter({ hasText: "Guardado" }).count()).toBe(1);

  const after = await widgetOnShopPage(await browser.newPage());
  expect(after.title).toBe("Club Premio");
  expect(after.accent).toBe("rgb(170, 34, 0)");
  await saveScreenshot(shopper, `console-shop-before`);
  const last = browser.contexts().at(-1)?.pages().at(-1);
  if (last) await saveScreenshot(last, `console-shop-after-save`);
  await context.close();
});

test("the program, customers, install and analytics pages render for a signed-in marketer", async () => {
  const context = await browser.newContext({ locale: "es-ES", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${endpoint.url}/console`);
  await page.getByLabel("Correo electrónico").fill("marketing@example.com");
  await page.getByLabel("Contraseña").fill("a long console password");
  await page.getByRole("button", { name: "Entrar" }).click();
  for (const [link, check] of [
    ["Programa", "Cómo se ganan puntos"],
    ["Clientes", "Buscar por identificador, correo o nombre"],
    ["Instalación", "Código para pegar en la tienda"],
    ["Analítica", "Embudo de recomendaciones"],
  ] as const) {
    await page.getByRole("link", { name: link }).click();
    await expect.poll(() => page.getByText(check).count()).toBeGreaterThan(0);
    await saveScreenshot(page, `console-${link.toLowerCase()}`, { fullPage: true });
  }
  await context.close();
});
