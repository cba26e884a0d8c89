import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { type RunningEndpoint, startTestEndpoint } from "../support/server.ts";
import { launchBrowser } from "./support/browser.ts";
import { type HostPage, shopPage, startHostPage } from "./support/host-page.ts";

let host: HostPage;
let endpoint: RunningEndpoint;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  host = await startHostPage();
  endpoint = await startTestEndpoint({ allowedOrigins: [host.origin] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
  await host?.stop();
});
afterEach(async () => {
  await page?.context().close();
});

/** A fresh page that records endpoint requests, CSP violations, layout shifts and loyalty events. */
async function open(html: string, csp?: string) {
  host.serve(html, csp);
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: host.origin });
  page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(host.origin)) requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  await page.addInitScript(() => {
    const record = window as unknown as Record<string, unknown[]>;
    record.violations = [];
    record.events = [];
    record.shift = [0];
    document.addEventListener("securitypolicyviolation", (event) => record.violations!.push(event.violatedDirective));
    for (const name of ["ready", "open", "close", "redeemed", "referral-copied", "error"])
      addEventListener(`loyalty:${name}`, (event) => record.events!.push({ name, detail: (event as CustomEvent).detail }));
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.shift![0] = Number(record.shift![0]) + (entry as unknown as { value: number }).value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(host.origin);
  return { requests, launcher: page.locator("[part=launcher]") };
}

const recorded = (name: string) => page.evaluate((key) => (window as unknown as Record<string, unknown>)[key], name);

test("a logged-in shopper sees her progress on the launcher after exactly one endpoint request, with no preflight and no layout shift", async () => {
  await endpoint.backend("POST", "/v1/customers/ana/adjustments", { id: "ana-1", points: 250, reason: "welcome" });
  const { requests, launcher } = await open(shopPage({ endpoint: endpoint.url, token: endpoint.token("ana") }));
  await expect.poll(() => launcher.textContent()).toBe("Mis puntosTe faltan 50 puntos");
  // what drew the launcher: the boot and its one request
  expect(requests.slice(0, 2)).toEqual(["GET /loyalty.js", "GET /v1/shops/demo/widget"]);
  await launcher.click();
  await expect.poll(() => page.locator("[part=panel]").textContent()).toContain("Te faltan 50 puntos para Envío gratis");
  // then, at idle time or on opening, the panel's file and its shared answer, once each
  const panelRequests = requests.slice(2).map((request) => request.replace(/loyalty-panel-[\w-]+\.js$/, "loyalty-panel-<hash>.js"));
  expect(panelRequests.sort()).toEqual(["GET /loyalty-panel-<hash>.js", "GET /v1/shops/demo/widget/panel"]);
  expect(await recorded("shift")).toEqual([0]);
  expect(await page.locator("[data-loyalty-host]").count()).toBe(1);
  // no personal data or token in the host DOM
  expect(await page.evaluate(() => document.body.outerHTML)).not.toContain("250");
});

test("redeeming shows the code at once, fires loyalty:redeemed and copies the code", async () => {
  await endpoint.backend("POST", "/v1/customers/bea/adjustments", { id: "bea-1", points: 700, reason: "welcome" });
  const { launcher } = await open(shopPage({ endpoint: endpoint.url, token: endpoint.token("bea") }));
  await launcher.click();
  await page.getByRole("button", { name: "Premios", exact: true }).click();
  const shipping = page.locator("[part=reward]", { hasText: "Envío gratis" });
  await shipping.getByRole("button", { name: "Canjear" }).click();
  await shipping.getByRole("button", { name: "Sí, canjear" }).click();
  const code = await shipping.locator("[part=reward-code]").textContent();
  expect(code).toMatch(/\S{6,}/);
  const events = (await recorded("events")) as { name: string; detail: { code?: string; rewardId?: string } }[];
  expect(events.find((event) => event.name === "redeemed")?.detail).toMatchObject({ rewardId: "free-shipping", code });
  await expect.poll(() => page.locator("[part=balance] b").textContent()).toBe("400 puntos");
  const customer = await endpoint.backend("GET", "/v1/customers/bea");
  expect(customer.json.balance).toBe(400);
  await shipping.getByRole("button", { name: "Copiar" }).click();
  await shipping.getByRole("button", { name: "Copiado" }).waitFor();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(code);
});

test("keyboard: Tab reaches the launcher, Enter opens the labelled dialog with focus inside, Escape closes and returns focus", async () => {
  const { launcher } = await open(shopPage({ endpoint: endpoint.url }));
  await launcher.waitFor();
  await page.keyboard.press("Tab");
  expect(await launcher.evaluate((element) => element.matches(":focus"))).toBe(true);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Club de puntos" });
  await dialog.waitFor();
  expect(await dialog.evaluate((element) => element.matches(":focus-within, :focus"))).toBe(true);
  await page.keyboard.press("Escape");
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await launcher.evaluate((element) => element.matches(":focus"))).toBe(true);
  expect(await launcher.evaluate((element) => element.getBoundingClientRect().height)).toBeGreaterThanOrEqual(24);
});

test("works under the contract's strict CSP without a single violation", async () => {
  const csp = `default-src 'none'; script-src 'self' ${endpoint.url}; style-src 'self'; connect-src ${endpoint.url}`;
  const { launcher } = await open(shopPage({ endpoint: endpoint.url, token: endpoint.token("ana") }), csp);
  await expect.poll(() => launcher.textContent()).toContain("puntos");
  await launcher.click();
  await page.getByRole("button", { name: "Premios", exact: true }).click();
  await page.locator("[part=reward]").first().waitFor();
  expect(await page.locator("[part=reward]").count()).toBe(3);
  // the progress bars are drawn through the CSSOM, which the policy allows
  expect(await page.locator("[part=reward] .bar").count()).toBeGreaterThan(0);
  expect(await recorded("violations")).toEqual([]);
  // the theme's accent reached the launcher through the adopted stylesheet
  expect(await launcher.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe("rgb(11, 110, 79)");
});

test("loaded twice, it draws one host and makes one payload request", async () => {
  const { requests, launcher } = await open(shopPage({ endpoint: endpoint.url, twice: true }));
  await launcher.waitFor();
  await page.waitForTimeout(300);
  expect(await page.locator("[data-loyalty-host]").count()).toBe(1);
  expect(requests.filter((request) => request.endsWith("/widget"))).toHaveLength(1);
});

test("calls queued before the script loads are replayed: on('ready') and open('rewards')", async () => {
  const snippet = `<script>window.Loyalty=window.Loyalty||function(){(Loyalty.q=Loyalty.q||[]).push(arguments)};
Loyalty('on','ready',function(){window.readyCalled=true});Loyalty('open','rewards');</script>`;
  await open(shopPage({ endpoint: endpoint.url, head: snippet }));
  await page.locator("[part=reward]").first().waitFor();
  expect(await page.locator("[part=reward]").count()).toBe(3);
  expect(await recorded("readyCalled")).toBe(true);
  await page.evaluate(() => (window as unknown as { Loyalty: (name: string) => void }).Loyalty("destroy"));
  expect(await page.locator("[data-loyalty-host]").count()).toBe(0);
});

test("a friend arriving with ?ref=CODE sees the welcome offer and a code", async () => {
  const payload = await fetch(`${endpoint.url}/v1/shops/demo/widget?token=${endpoint.token("ana")}`).then((response) => response.json());
  host.serve(shopPage({ endpoint: endpoint.url }));
  const context = await browser.newContext();
  page = await context.newPage();
  await page.goto(`${host.origin}/?ref=${payload.customer.referral.code}`);
  await page.locator("[part=panel]").waitFor();
  expect(await page.locator("[part=panel]").textContent()).toContain("Un amigo te regala 5");
  expect(await page.locator("[part=reward-code]").textContent()).toMatch(/\S{6,}/);
});
