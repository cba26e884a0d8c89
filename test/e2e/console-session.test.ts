import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { saveMarketer } from "../../server/operations/console/accounts.ts";
import { type RunningEndpoint, startTestEndpoint } from "../support/server.ts";
import { audit } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { type HostPage, shopPage, startHostPage } from "./support/host-page.ts";
import { saveScreenshot } from "./support/screenshot.ts";
import { DAY } from "../../contract/time.ts";

// A marketer's whole session in a real browser: an owner invites an editor, who joins through the one-time link, edits
// every section of the program and the look, sees it on the shop's page, finds a customer, reads the analytics; the
// owner reads the change log and the install checklist. Then every page passes axe at 1280 and 768 px.

const OWNER = { email: "owner@shop.example", password: "the owner's long password" };
let host: HostPage;
let endpoint: RunningEndpoint;
let browser: Browser;

beforeAll(async () => {
  host = await startHostPage();
  endpoint = await startTestEndpoint({ allowedOrigins: [host.origin] });
  await saveMarketer(endpoint.services, "demo", OWNER.email, OWNER.password, "owner");
  await endpoint.backend("PUT", "/v1/customers/lucia", { name: "Lucía Martín", email: "lucia@example.com" });
  await endpoint.backend("PUT", "/v1/customers/ana", { name: "Ana Ruiz", email: "ana@example.com" });
  await endpoint.backend("POST", "/v1/customers/ana/adjustments", { id: "ana-gift", points: 700, reason: "Bienvenida" });
  for (const [id, customer, subtotal, daysAgo] of [
    ["o-1", "lucia", "40.00", 9],
    ["o-2", "lucia", "25.00", 2],
    ["o-3", "ana", "60.00", 5],
  ] as const)
    await endpoint.backend("POST", "/v1/orders", {
      id,
      customerId: customer,
      subtotal,
      currency: "EUR",
      channel: "online",
      discountCodes: [],
      placedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
    });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
  await host?.stop();
});

async function signedIn(credentials: { email: string; password: string }, options: { width?: number; bypassCSP?: boolean } = {}) {
  const context = await browser.newContext({
    locale: "es-ES",
    viewport: { width: options.width ?? 1280, height: 900 },
    bypassCSP: options.bypassCSP,
  });
  const page = await context.newPage();
  await page.goto(`${endpoint.url}/console`);
  await page.getByLabel("Correo electrónico").fill(credentials.email);
  await page.getByLabel("Contraseña").fill(credentials.password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.getByRole("navigation", { name: "Consola de fidelización" }).waitFor();
  return { context, page };
}

const nav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Consola de fidelización" }).getByRole("link", { name, exact: true }).click();
const section = (page: Page, name: string) => page.getByRole("navigation", { name: "Secciones del programa" }).getByRole("link", { name }).click();
const saved = (page: Page) => expect.poll(() => page.getByText("Guardado. Los clientes lo verán en su próxima visita.").count()).toBe(1);

let editor: { context: BrowserContext; page: Page };

test("an owner invites an editor, who joins through the one-time link", async () => {
  const { page, context } = await signedIn(OWNER);
  await nav(page, "Equipo");
  await page.getByLabel("Correo electrónico").fill("edu@shop.example");
  await page.getByLabel("Rol", { exact: true }).selectOption("editor");
  await page.getByRole("button", { name: "Crear la invitación" }).click();
  const link = (await page.locator(".secret code").textContent()) ?? "";
  expect(link).toMatch(/\/console\/#link=[\w-]+$/);
  await context.close();

  const context2 = await browser.newContext({ locale: "es-ES", viewport: { width: 1280, height: 900 } });
  const page2 = await context2.newPage();
  await page2.goto(link);
  await page2.getByText("Invitación para edu@shop.example").waitFor();
  await page2.getByLabel("Contraseña nueva").fill("edu's long password");
  await page2.getByLabel("Repite la contraseña").fill("edu's long password");
  await page2.getByRole("button", { name: "Unirme" }).click();
  await page2.getByText("Editor", { exact: true }).waitFor();
  expect(new URL(page2.url()).hash).not.toContain("link=");
  editor = { context: context2, page: page2 };
});

test("the editor edits every section of the program, with the widget previewed beside it, and saves once", async () => {
  const { page } = editor;
  await nav(page, "Programa");
  const preview = page.frameLocator("iframe.preview-frame");

  await page.getByLabel("Puntos por cada unidad de moneda").fill("2");
  await expect.poll(() => preview.locator("[part=panel]").textContent(), { timeout: 15_000 }).toContain("2 puntos por cada");

  await section(page, "Premios");
  await page.getByRole("button", { name: "Añadir premio" }).click();
  await page.locator("#field-rewards-3-title-es").fill("Café gratis");
  expect(await page.locator("#field-rewards-3-id").inputValue()).toBe("cafe-gratis");
  await page.locator("#field-rewards-3-kind").selectOption("free_product");
  await page.locator("#field-rewards-3-product").fill("Un café");
  await page.locator("#field-rewards-3-cost").fill("150");
  // the 10 % reward only for the gold tier
  await page.locator("fieldset.row").nth(2).getByLabel("Oro").check();
  await expect.poll(() => preview.locator("[part=panel]").textContent(), { timeout: 15_000 }).toContain("Café gratis");
  await saveScreenshot(page, "console-program-rewards", { fullPage: true });

  await section(page, "Niveles");
  await page.locator("#field-tiers-1-threshold").fill("400");
  await section(page, "Campañas");
  await page.getByRole("button", { name: "Añadir franja semanal" }).click();
  await page.locator("#field-campaigns-0-name-es").fill("Martes dobles");
  expect(await page.locator("#field-campaigns-0-id").inputValue()).toBe("martes-dobles");
  // "Próxima: …", after "Activa ahora: …" while the drafted window is running (this test runs at any time of the week)
  await page.getByText(/Próxima: /).waitFor();
  await section(page, "Recomendaciones");
  await page.getByLabel("Puntos para quien recomienda").fill("250");
  await section(page, "Enlaces");
  await page.getByLabel("Unirse (registro)").fill("https://shop.example/join");
  await expect.poll(() => page.getByText("Hay cambios sin guardar.").count()).toBe(1);
  await page.getByRole("button", { name: "Guardar" }).click();
  await saved(page);

  const { json: program } = await endpoint.backend("GET", "/v1/program");
  expect(program.earning.pointsPerUnit).toBe(2);
  expect(program.rewards.at(-1)).toMatchObject({ id: "cafe-gratis", kind: "free_product", product: "Un café", cost: 150 });
  expect(program.rewards[2].tiers).toEqual(["gold"]);
  expect(program.tiers[1].threshold).toBe(400);
  expect(program.campaigns[0]).toMatchObject({ id: "martes-dobles", kind: "weekly" });
  expect(program.referral.referrerPoints).toBe(250);
  expect(program.links).toEqual({ join: "https://shop.example/join" });
  // a saved id no longer changes
  await section(page, "Premios");
  expect(await page.locator("#field-rewards-3-id").getAttribute("readonly")).not.toBeNull();
});

test("the editor changes the look and a widget text, and the shop's page shows the program and the look", async () => {
  const { page } = editor;
  await nav(page, "Aspecto");
  await page.locator("#field-accent").fill("#aa2200");
  await page.getByText(/^español \(0 cambiados\)$/).click();
  await page.locator("#field-locales-es-texts-reward-redeem").fill("¡Lo quiero!");
  await page.getByRole("button", { name: "Guardar" }).click();
  await saved(page);
  // the endpoint has it (a "saved" line left by an earlier save must not stand in for this one)
  const savedTheme = async () => (await endpoint.backend("GET", "/v1/theme")).json.theme;
  await expect.poll(async () => (await savedTheme()).locales.es?.texts?.["reward.redeem"]).toBe("¡Lo quiero!");
  expect((await savedTheme()).accent).toBe("#aa2200");

  host.serve(shopPage({ endpoint: endpoint.url, token: endpoint.token("ana") }));
  const shopper = await browser.newPage();
  await shopper.goto(`${host.origin}/#loyalty-rewards`);
  const rewards = shopper.locator("[part=reward]");
  await expect.poll(() => rewards.allTextContents(), { timeout: 15_000 }).toContainEqual(expect.stringContaining("Café gratis"));
  expect(await shopper.locator("[part=redeem]").first().textContent()).toBe("¡Lo quiero!");
  expect(await shopper.locator("[part=launcher]").evaluate((element) => getComputedStyle(element).backgroundColor)).toBe("rgb(170, 34, 0)");
  await saveScreenshot(shopper, "console-session-shop-page");
  await shopper.close();
});

test("the editor finds a customer by name, reads the ledger and adjusts points; analytics count them and export CSV", async () => {
  const { page } = editor;
  await nav(page, "Clientes");
  await page.getByLabel("Buscar por identificador, correo o nombre").fill("martin");
  await page.getByRole("button", { name: "Buscar" }).click();
  // the one customer found opens at once
  await page.locator("#customer-title").waitFor();
  expect(await page.locator("#customer-title").textContent()).toBe("Lucía Martín");
  expect(await page.locator("table").first().textContent()).toContain("Compra");
  await page.getByLabel("Puntos (negativo para restar)").fill("50");
  await page.getByLabel("Motivo").fill("Cumpleaños");
  await page.getByRole("button", { name: "Aplicar ajuste" }).click();
  await page.getByText("Ajuste aplicado. Saldo: 115").waitFor();

  await nav(page, "Analítica");
  await page.getByText("Puntos pendientes de canjear").waitFor();
  expect(await page.locator(".kpis").textContent()).toContain("Miembros2");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Descargar CSV" }).nth(1).click()]);
  expect(download.suggestedFilename()).toBe("points.csv");
  const csv = readFileSync((await download.path()) ?? "", "utf8");
  expect(csv.split("\r\n")[0]).toBe("\ufeffFecha,Ganados,Canjeados");
  // each order's points on the day it was placed
  const earned = csv.split("\r\n").filter((line) => /^\d{4}-\d\d-\d\d,[1-9]/.test(line));
  expect(earned).toHaveLength(3);
  await saveScreenshot(page, "console-session-analytics", { fullPage: true });
});

test("the owner reads who changed what, and the install checklist sees the shop's site", async () => {
  const { page, context } = await signedIn(OWNER);
  await nav(page, "Registro de cambios");
  const log = page.locator("table");
  await log.waitFor();
  const text = (await log.textContent()) ?? "";
  for (const line of ["Programa guardado", "Aspecto guardado", "Puntos ajustados", "Se unió al equipo", "Invitación creada"])
    expect(text).toContain(line);
  expect(text).toContain("edu@shop.example");
  await nav(page, "Instalación");
  await expect
    .poll(
      async () => {
        await page.reload();
        // the checklist draws once its answer is in: counting before it would count a page still loading
        await page.locator("#checklist-title").waitFor();
        return page.getByText(`Visto en ${host.origin}`).count();
      },
      { timeout: 10_000 },
    )
    .toBe(1);
  await saveScreenshot(page, "console-session-install", { fullPage: true });
  await context.close();
  await editor.context.close();
});

test("a viewer reads every page but changes nothing", async () => {
  await saveMarketer(endpoint.services, "demo", "vera@shop.example", "vera's long password", "viewer");
  const { page, context } = await signedIn({ email: "vera@shop.example", password: "vera's long password" });
  expect(await page.locator("#field-accent").isDisabled()).toBe(true);
  expect(await page.getByRole("button", { name: "Guardar" }).count()).toBe(0);
  await nav(page, "Equipo");
  await page.getByText("Solo los propietarios invitan y cambian roles.").waitFor();
  await context.close();
});

const pages: [link: string, ready: string][] = [
  ["Aspecto", "#field-accent"],
  ["Programa", "#field-earning-pointsPerUnit"],
  ["Clientes", "table"],
  ["Valoraciones", ".feedback"],
  ["Analítica", ".kpis"],
  ["Instalación", ".checklist"],
  ["Webhooks", ".webhooks, main h1"],
  ["Importar", "#field-import-file"],
  ["Equipo", "table"],
  ["Registro de cambios", "table"],
  ["Mi cuenta", "#field-current-password"],
];

for (const width of [1280, 768])
  test(`every console page passes axe (WCAG 2.2 AA, best practices) and fits ${width} px`, async () => {
    const { page, context } = await signedIn(OWNER, { width, bypassCSP: true });
    for (const [link, ready] of pages) {
      await nav(page, link);
      await page.locator(ready).first().waitFor();
      if (link === "Aspecto" || link === "Programa") await page.frameLocator("iframe.preview-frame").locator("[part=launcher]").waitFor();
      expect(await audit(page), `axe: ${link} at ${width} px`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${link} is wider than ${width} px`).toBeLessThanOrEqual(0);
      await saveScreenshot(page, `console-${link.toLowerCase().replace(/\W+/g, "-")}-${width}`, { fullPage: true });
    }
    for (const name of [
      "Premios",
      "Niveles",
      "Campañas",
      "Recomendaciones",
      "Más formas de ganar",
      "Puntos pendientes y caducidad",
      "Sorteos",
      "Avisos",
      "Enlaces",
    ]) {
      await nav(page, "Programa");
      await section(page, name);
      expect(await audit(page), `axe: Programa, ${name} at ${width} px`).toEqual([]);
    }
    await nav(page, "Clientes");
    await page.getByRole("button", { name: "Ana Ruiz" }).click();
    await page.locator("#customer-title").waitFor();
    await page.getByRole("button", { name: "Borrar datos personales" }).click();
    expect(await audit(page), `axe: a customer at ${width} px`).toEqual([]);
    await context.close();
  });
