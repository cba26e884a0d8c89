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
  await endpoint.backend("POST", "/v1/customers/spa/adjustments", { id: "spa-1", points: 120, reason: "welcome" });
});
afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
  await host?.stop();
});
afterEach(async () => {
  await page?.context().close();
});

/** Opens a shop page and records every request to the endpoint. */
async function open(html: string) {
  host.serve(html);
  page = await (await browser.newContext()).newPage();
  const requests: string[] = [];
  page.on("request", (request) => {
    if (request.url().startsWith(endpoint.url)) requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  await page.goto(host.origin);
  return { requests, launcher: page.locator("[part=launcher]") };
}

const call = (...command: string[]) =>
  page.evaluate((args) => (window as unknown as { Loyalty: (...args: string[]) => void }).Loyalty(...args), command);

test("single-page app: identify shows the member after one request, logout goes back to the guest view", async () => {
  const { requests, launcher } = await open(shopPage({ endpoint: endpoint.url }));
  await launcher.waitFor();
  expect(await launcher.textContent()).toBe("Mis puntos");
  await call("identify", endpoint.token("spa"));
  await expect.poll(() => launcher.textContent()).toBe("Mis puntosTe faltan 180 puntos");
  await call("logout");
  await expect.poll(() => launcher.textContent()).toBe("Mis puntos");
  // one boot request each time; the panel's file and answer, shared by guests and members alike, only once
  expect(requests.filter((request) => request.endsWith("/widget"))).toEqual([
    "GET /v1/shops/demo/widget",
    "GET /v1/shops/demo/widget",
    "GET /v1/shops/demo/widget",
  ]);
  expect(requests.filter((request) => request.includes("panel")).length).toBeLessThanOrEqual(2);
  expect(await page.locator("[data-loyalty-host]").count()).toBe(1);
});

test("a page whose body is transformed gets the host on <html>, so the launcher stays fixed to the viewport", async () => {
  const { launcher } = await open(shopPage({ endpoint: endpoint.url, head: "<style>body{transform:translateX(0);margin-top:3000px}</style>" }));
  await launcher.waitFor();
  expect(await page.evaluate(() => document.querySelector("[data-loyalty-host]")?.parentElement?.tagName)).toBe("HTML");
  const box = await launcher.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  expect(box!.y + box!.height).toBeGreaterThan(viewport.height - 40);
});

/** The WCAG luminance of a computed colour (`rgb(...)` or `color(srgb ...)`, as Chromium writes a color-mix()). */
const luminance = (colour: string) => {
  const numbers = (colour.match(/[\d.]+/g) ?? []).map(Number);
  const channels = colour.startsWith("color(") ? numbers.slice(0, 3) : numbers.slice(0, 3).map((value) => value / 255);
  const linear = channels.map((value) => (value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (linear[0] ?? 0) + 0.7152 * (linear[1] ?? 0) + 0.0722 * (linear[2] ?? 0);
};
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/** The panel's surface, its text and its header's background, as drawn. */
async function panelColours() {
  const panel = page.locator("[part=panel]");
  await panel.waitFor();
  return panel.evaluate((element) => ({
    background: getComputedStyle(element).backgroundColor,
    text: getComputedStyle(element).color,
    head: getComputedStyle(element.querySelector(".panel-head") as Element).backgroundColor,
    muted: getComputedStyle(element.querySelector(".tabs button:not([aria-current])") as Element).color,
  }));
}

test("dark scheme: surfaces derived from the theme's own accent (not fixed ones), the brand kept, text at AA contrast", async () => {
  const surfaces: string[] = [];
  for (const accent of ["#0b6e4f", "#7c3aed"]) {
    const { launcher } = await open(shopPage({ endpoint: endpoint.url, extra: `data-theme-color-scheme="dark" data-theme-accent="${accent}"` }));
    await launcher.click();
    const colours = await panelColours();
    expect(luminance(colours.background), colours.background).toBeLessThan(0.05);
    expect(contrast(colours.text, colours.background), `${colours.text} on ${colours.background}`).toBeGreaterThanOrEqual(7);
    expect(contrast(colours.muted, colours.background), `${colours.muted} on ${colours.background}`).toBeGreaterThanOrEqual(4.5);
    // the marketer's accent stays the brand's colour in the dark
    expect(await launcher.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(colours.head);
    surfaces.push(colours.background);
    await page.context().close();
  }
  expect(surfaces[0]).not.toBe(surfaces[1]);
});

test("a theme's own dark colours are used in the dark scheme", async () => {
  await endpoint.backend("PUT", "/v1/theme", {
    colorScheme: "dark",
    dark: { background: "#101820", text: "#f2f2f2", accent: "#ffb000", accentText: "#1a1a1a" },
  });
  const { launcher } = await open(shopPage({ endpoint: endpoint.url }));
  await launcher.click();
  expect(await panelColours()).toMatchObject({ background: "rgb(16, 24, 32)", text: "rgb(242, 242, 242)", head: "rgb(255, 176, 0)" });
  await endpoint.backend("PUT", "/v1/theme", { colorScheme: "light", dark: {} });
});

test("data-theme-accent overrides the saved accent; an invalid colour is ignored", async () => {
  const { launcher } = await open(shopPage({ endpoint: endpoint.url, extra: 'data-theme-accent="#0a7" data-theme-text="red;x:y"' }));
  await launcher.waitFor();
  expect(await launcher.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe("rgb(0, 170, 119)");
  await launcher.click();
  expect(await page.locator("[part=panel]").evaluate((element) => getComputedStyle(element).color)).toBe("rgb(29, 29, 31)");
});

test("the page's inherited text styles do not distort the widget; its font family is inherited", async () => {
  const head = `<style>html{font-size:40px}body{font:30px/3 Georgia,serif;color:#f0f;letter-spacing:5px;text-transform:uppercase;word-spacing:9px}
[data-loyalty-host]{letter-spacing:7px!important;font-size:50px!important}</style>`;
  const { launcher } = await open(shopPage({ endpoint: endpoint.url, head }));
  await launcher.waitFor();
  const style = await launcher.evaluate((element) => {
    const computed = getComputedStyle(element);
    return {
      fontSize: computed.fontSize,
      letterSpacing: computed.letterSpacing,
      wordSpacing: computed.wordSpacing,
      textTransform: computed.textTransform,
      fontFamily: computed.fontFamily,
    };
  });
  expect(style).toEqual({ fontSize: "14px", letterSpacing: "normal", wordSpacing: "0px", textTransform: "none", fontFamily: "Georgia, serif" });
});

test("data-locale picks the texts the endpoint sends: English launcher and panel, one boot request", async () => {
  const { requests, launcher } = await open(shopPage({ endpoint: endpoint.url, extra: 'data-locale="en-GB"' }));
  await launcher.waitFor();
  await expect.poll(() => launcher.textContent()).toBe("My points");
  await launcher.click();
  await expect.poll(() => page.locator(".tabs button").allTextContents()).toEqual(["Home", "Earn", "Rewards"]);
  expect(await page.locator(".widget").getAttribute("lang")).toBe("en");
  expect(requests.filter((request) => request.endsWith("/widget"))).toEqual(["GET /v1/shops/demo/widget"]);
  expect(requests.find((request) => request.endsWith("/widget/panel"))).toBeTruthy();
});

test("a page that sets no font of its own gets a system font rather than the browser's serif default", async () => {
  const { launcher } = await open(shopPage({ endpoint: endpoint.url }));
  await launcher.waitFor();
  await expect.poll(() => launcher.evaluate((element) => getComputedStyle(element).fontFamily)).toBe("system-ui, sans-serif");
});
