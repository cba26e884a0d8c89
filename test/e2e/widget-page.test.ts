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
  await expect.poll(() => launcher.textContent()).toContain("180 puntos para tu próximo premio");
  await call("logout");
  await expect.poll(() => launcher.textContent()).toBe("Mis puntos");
  expect(requests.filter((request) => !request.endsWith("/loyalty.js"))).toEqual([
    "GET /v1/shops/demo/widget",
    "GET /v1/shops/demo/widget",
    "GET /v1/shops/demo/widget",
  ]);
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

test("dark colour scheme from data-theme-color-scheme: the panel is dark with light text", async () => {
  const { launcher } = await open(shopPage({ endpoint: endpoint.url, extra: 'data-theme-color-scheme="dark"' }));
  await launcher.click();
  const panel = page.locator("[part=panel]");
  await panel.waitFor();
  const colours = await panel.evaluate((element) => ({
    background: getComputedStyle(element).backgroundColor,
    text: getComputedStyle(element).color,
  }));
  expect(colours).toEqual({ background: "rgb(28, 28, 30)", text: "rgb(242, 242, 247)" });
});

test("data-theme-accent overrides the saved accent; an invalid colour is ignored", async () => {
  const { launcher } = await open(shopPage({ endpoint: endpoint.url, extra: 'data-theme-accent="#0a7" data-theme-text="red;x:y"' }));
  await launcher.waitFor();
  expect(await launcher.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe("rgb(0, 170, 119)");
  await launcher.click();
  expect(await page.locator("[part=panel]").evaluate((element) => getComputedStyle(element).color)).toBe("rgb(29, 29, 31)");
});

test("no long task over 50 ms from the widget while booting and opening the panel", async () => {
  host.serve(shopPage({ endpoint: endpoint.url, token: endpoint.token("spa") }));
  page = await (await browser.newContext()).newPage();
  await page.addInitScript(() => {
    const record = window as unknown as { longTasks: [number, number][]; widgetScripts: [number, number][] };
    record.longTasks = [];
    record.widgetScripts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longTasks.push([entry.startTime, entry.startTime + entry.duration]);
    }).observe({ type: "longtask", buffered: true });
    // long-animation-frame entries say which script ran, so that a busy test machine's own long tasks are not blamed on the widget
    new PerformanceObserver((list) => {
      for (const frame of list.getEntries() as unknown as { scripts: { sourceURL: string; startTime: number; duration: number }[] }[])
        for (const script of frame.scripts)
          if (script.sourceURL.endsWith("/loyalty.js")) record.widgetScripts.push([script.startTime, script.startTime + script.duration]);
    }).observe({ type: "long-animation-frame", buffered: true });
  });
  await page.goto(host.origin);
  const launcher = page.locator("[part=launcher]");
  await expect.poll(() => launcher.textContent()).toContain("180 puntos para tu próximo premio");
  await launcher.click();
  await page.getByRole("button", { name: "Premios" }).click();
  await page.getByRole("button", { name: "Historial" }).click();
  await page.waitForTimeout(200);
  const { longTasks, widgetScripts } = await page.evaluate(() => {
    const record = window as unknown as { longTasks: [number, number][]; widgetScripts: [number, number][] };
    return { longTasks: record.longTasks, widgetScripts: record.widgetScripts };
  });
  const widgetLongTasks = longTasks.filter(([start, end]) =>
    widgetScripts.some(([scriptStart, scriptEnd]) => scriptStart < end && scriptEnd > start),
  );
  expect(widgetLongTasks).toEqual([]);
  expect(widgetScripts.filter(([start, end]) => end - start > 50)).toEqual([]);
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

test("data-locale picks the texts the endpoint sends: English launcher and panel, one payload request", async () => {
  const { requests, launcher } = await open(shopPage({ endpoint: endpoint.url, extra: 'data-locale="en-GB"' }));
  await launcher.waitFor();
  expect(await launcher.textContent()).toBe("My points");
  await launcher.click();
  await expect.poll(() => page.locator("nav button").allTextContents()).toEqual(["Home", "Earn", "Rewards"]);
  expect(await page.locator(".r").getAttribute("lang")).toBe("en");
  expect(requests.filter((request) => !request.endsWith("/loyalty.js"))).toEqual(["GET /v1/shops/demo/widget"]);
});
