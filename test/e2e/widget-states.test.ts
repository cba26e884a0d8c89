import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { type RunningEndpoint, startTestEndpoint } from "../support/server.ts";
import { launchBrowser } from "./support/browser.ts";
import { type HostPage, shopPage, startHostPage } from "./support/host-page.ts";
import { saveScreenshot } from "./support/screenshot.ts";

// The widget's states as a shopper meets them in a real browser: phones down to 320 px, reduced motion, a page whose origin the
// shop has not allowed, and the files the boot loads.

let host: HostPage;
let stranger: HostPage;
let endpoint: RunningEndpoint;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  host = await startHostPage();
  stranger = await startHostPage();
  endpoint = await startTestEndpoint({ allowedOrigins: [host.origin] });
  browser = await launchBrowser();
  await endpoint.backend("POST", "/v1/customers/eva/adjustments", { id: "eva-1", points: 900, reason: "welcome" });
  // an open raffle under the rewards (contract 7.4): the phone widths below measure it too
  const { json: program } = await endpoint.backend("GET", "/v1/program");
  const now = Date.now();
  await endpoint.backend("PUT", "/v1/program", {
    ...program,
    raffles: [
      {
        id: "invierno",
        title: { es: "Sorteo de invierno" },
        prize: { es: "Una cesta de productos de la tierra" },
        entryCost: 100,
        maxEntriesPerCustomer: 3,
        opensAt: new Date(now - 3_600_000).toISOString(),
        closesAt: new Date(now + 7 * 86_400_000).toISOString(),
      },
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
  await Promise.all([host?.stop(), stranger?.stop()]);
});
afterEach(async () => {
  await page?.context().close();
});

async function open(options: {
  width?: number;
  height?: number;
  reducedMotion?: "reduce" | "no-preference";
  token?: string;
  section?: string;
  scheme?: "light" | "dark";
}) {
  const scheme = options.scheme ? `data-theme-color-scheme="${options.scheme}"` : "";
  host.serve(shopPage({ endpoint: endpoint.url, token: options.token, extra: scheme }));
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    reducedMotion: options.reducedMotion ?? "no-preference",
  });
  page = await context.newPage();
  await page.goto(host.origin);
  await page.locator("[part=launcher]").waitFor();
  if (options.section) {
    await page.evaluate((section) => (window as unknown as { Loyalty: (...args: string[]) => void }).Loyalty("open", section), options.section);
    await page.locator("[part=panel] .panel-body > *").first().waitFor();
    // measured as it rests, not while it rises into place
    await page.locator("[part=panel]").evaluate((panel) => Promise.all(panel.getAnimations().map((animation) => animation.finished)));
  }
  return page;
}

/** Redeems the first reward within reach and waits for its code. */
async function redeemFirst() {
  const reward = page.locator("[part=reward]").first();
  await reward.locator("[part=redeem]").click();
  await reward.locator("[part=redeem]").click();
  await reward.locator("[part=reward-code]").waitFor();
  return reward;
}

for (const width of [320, 360, 430])
  test(`${width} px phone: a bottom sheet, nothing outside the viewport, and every focus ring inside it`, async () => {
    await open({ width, height: 700, token: endpoint.token("eva"), section: "rewards" });
    const panel = await page.locator("[part=panel]").boundingBox();
    expect(panel).toMatchObject({ x: 0, width });
    expect(Math.round((panel?.y ?? 0) + (panel?.height ?? 0))).toBe(700);
    // no element of the widget reaches past either edge, and the page gains no horizontal scroll
    const outside = await page.evaluate((viewport) => {
      const root = document.querySelector("[data-loyalty-host]")?.shadowRoot;
      const panelElement = root?.querySelector("[part=panel]");
      return [...(panelElement?.querySelectorAll("*") ?? [])]
        .filter((element) => !element.closest(".tabs"))
        .map((element) => element.getBoundingClientRect())
        .filter((box) => box.width > 0 && (box.left < -0.5 || box.right > viewport + 0.5)).length;
    }, width);
    expect(outside).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // each control, focused, shows its whole ring (2px wide, 2px away) inside the sheet
    const clipped = await page.evaluate(() => {
      const root = document.querySelector("[data-loyalty-host]")?.shadowRoot;
      const sheet = root?.querySelector("[part=panel]")?.getBoundingClientRect();
      const controls = [...(root?.querySelectorAll<HTMLElement>("[part=panel] button, [part=panel] a, [part=panel] input") ?? [])];
      return controls
        .filter((control) => {
          control.focus();
          const box = control.getBoundingClientRect();
          const ring = Number.parseFloat(getComputedStyle(control).outlineOffset) + Number.parseFloat(getComputedStyle(control).outlineWidth);
          return !sheet || box.left - ring < sheet.left - 0.5 || box.right + ring > sheet.right + 0.5;
        })
        .map((control) => control.textContent);
    });
    expect(clipped).toEqual([]);
    await saveScreenshot(page, `widget-rewards-${width}`);
  });

test("the launcher fits a 320 px screen with a long status", async () => {
  await open({ width: 320, height: 640, token: endpoint.token("eva") });
  const box = await page.locator("[part=launcher]").boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
});

test("a redemption's celebration moves, unless the shopper asks for reduced motion", async () => {
  for (const reducedMotion of ["no-preference", "reduce"] as const) {
    await endpoint.backend("POST", "/v1/customers/moving/adjustments", { id: `moving-${reducedMotion}`, points: 300, reason: "x" });
    await open({ reducedMotion, token: endpoint.token("moving"), section: "rewards" });
    const reward = await redeemFirst();
    const animations = await reward.evaluate((element) => ({
      code: getComputedStyle(element.querySelector(".celebrate .code-card") as Element).animationName,
      panel: getComputedStyle(element.closest("[part=panel]") as Element).animationName,
    }));
    expect(animations).toEqual(reducedMotion === "reduce" ? { code: "none", panel: "none" } : { code: "pop", panel: "rise" });
    await page.context().close();
  }
});

test("a page whose origin the shop has not allowed hears origin_not_allowed, and the console names the origin to add", async () => {
  stranger.serve(shopPage({ endpoint: endpoint.url }));
  page = await (await browser.newContext()).newPage();
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  await page.addInitScript(() => {
    addEventListener("loyalty:error", (event) => {
      (window as unknown as { loyaltyError: unknown }).loyaltyError = (event as CustomEvent).detail;
    });
  });
  await page.goto(stranger.origin);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { loyaltyError?: { code: string } }).loyaltyError?.code))
    .toBe("origin_not_allowed");
  expect(warnings.some((warning) => warning.includes(stranger.origin) && warning.includes("allowed origins"))).toBe(true);
  expect(await page.locator("[data-loyalty-host]").count()).toBe(0);
});

test("the endpoint serves the boot briefly cached and the hashed panel for good, both readable by module scripts of any origin", async () => {
  const boot = await fetch(`${endpoint.url}/loyalty.js`);
  expect(boot.headers.get("cache-control")).toBe("public, max-age=300");
  const panelFile = /"(loyalty-panel-[\w-]+\.js)"/.exec(await boot.text())?.[1];
  const panel = await fetch(`${endpoint.url}/${panelFile}`, { headers: { "accept-encoding": "gzip" } });
  expect(panel.status).toBe(200);
  expect(panel.headers.get("access-control-allow-origin")).toBe("*");
  expect(panel.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  expect(panel.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  expect((await fetch(`${endpoint.url}/loyalty-panel-nope.js`)).status).toBe(404);
});

for (const [scheme, width] of [
  ["light", 360],
  ["light", 1280],
  ["dark", 360],
  ["dark", 1280],
] as const)
  test(`raffle (${scheme}, ${width} px): entered one entry a press, the member's entries said, the card inside the screen`, async () => {
    const id = `raffle-${scheme}-${width}`;
    await endpoint.backend("POST", `/v1/customers/${id}/adjustments`, { id: `${id}-1`, points: 250, reason: "welcome" });
    await open({ width, height: 740, token: endpoint.token(id), section: "rewards", scheme });
    const card = page.locator("[part=raffle]");
    await card.scrollIntoViewIfNeeded();
    await expect.poll(() => card.textContent()).toContain("Premio: Una cesta de productos de la tierra. 100 puntos por participación, hasta 3");
    await saveScreenshot(page, `widget-raffle-${scheme}-${width}`);
    await card.getByRole("button", { name: "Participar" }).click();
    await card.getByText("Tienes 1 participación de 3").waitFor();
    await card.getByRole("button", { name: "Participar otra vez" }).click();
    await card.getByText("Tienes 2 participaciones de 3").waitFor();
    // 50 points left: the third entry is out of reach, and the card says by how much
    await card.getByText("Te faltan 50 puntos para participar").waitFor();
    const { json: draw } = await endpoint.backend("GET", "/v1/raffles/invierno");
    expect(draw.entries.filter((entry: { customerId: string }) => entry.customerId === id)).toHaveLength(2);
    await saveScreenshot(page, `widget-raffle-${scheme}-entered-${width}`);
    const box = await card.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
  });

for (const [scheme, width] of [
  ["light", 360],
  ["dark", 360],
  ["dark", 1280],
] as const)
  test(`consent (${scheme}, ${width} px): the member's switch shows its side, is a switch to assistive technology, and the endpoint records it`, async () => {
    const id = `consent-${scheme}-${width}`;
    await open({ width, height: 740, token: endpoint.token(id), section: "home", scheme });
    const consent = page.locator("[part=consent]");
    await consent.scrollIntoViewIfNeeded();
    const toggle = page.getByRole("switch", { name: "Recibir recordatorios y ofertas del programa" });
    expect(await toggle.getAttribute("aria-checked")).toBe("false");
    // the knob's side is drawn by the switch's track: another background when on
    const track = () => toggle.evaluate((element) => getComputedStyle(element, "::after").backgroundImage);
    const off = await track();
    await saveScreenshot(page, `widget-consent-${scheme}-off-${width}`);
    await toggle.click();
    await expect.poll(async () => (await endpoint.backend("GET", `/v1/customers/${id}`)).json.marketingConsent).toBe(true);
    await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("true");
    expect(await track()).not.toBe(off);
    await saveScreenshot(page, `widget-consent-${scheme}-on-${width}`);
    // nothing of it is outside the screen, and it is big enough to tap
    const box = await toggle.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= width && box.height >= 24).toBe(true);
  });
