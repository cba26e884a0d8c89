import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { signCustomerToken } from "../../server/sdk/sign-customer-token.js";
import { startProcess } from "./processes.ts";
import { observer, watchNetwork } from "./page-watch.ts";
import { shopPageHtml, startShopSite } from "./shop-page.ts";

export const VARIANTS = ["no widget", "widget, guest", "widget, member"] as const;
export type Variant = (typeof VARIANTS)[number];

/** One page load's figures. */
export interface PageLoad {
  lcpMs: number;
  lcpElement: string;
  fcpMs: number;
  cls: number;
  /** Main-thread task time of the page's renderer (CDP Performance.getMetrics TaskDuration), and of it, script. */
  taskMs: number;
  scriptMs: number;
  /** Of the task time, style recalculation and layout. */
  styleLayoutMs: number;
  longTasks: number;
  /** What long tasks took beyond 50 ms each, summed (Lighthouse's blocking time, over the whole load). */
  blockingMs: number;
  /** JS heap in use after a full garbage collection. */
  heapBytes: number;
  /** Requests to the endpoint's origin (the widget's script, its data, anything it loads), and their bytes on the wire. */
  widgetRequests: number;
  widgetBytes: number;
  widgetUrls: string[];
}

const OPERATOR_KEY = "ok_bench_operator_key_for_the_page_run";
/**
 * The page is settled when the network has been quiet this long after the page's main thread was idle once: a widget
 * may load more of itself at idle time, whatever its files are.
 */
const QUIET_MS = 800;
const SETTLE_LIMIT_MS = 10_000;

async function loadOnce(browser: Browser, url: string, endpoint: string, cpuSlowdown: number): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1350, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await cdp.send("Network.enable");
    if (cpuSlowdown > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    const network = watchNetwork(cdp, endpoint);
    await page.addInitScript(observer);
    const started = Date.now();
    await page.goto(url, { waitUntil: "load" });
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    for (;;) {
      while (network.quietFor() < QUIET_MS && Date.now() - started < SETTLE_LIMIT_MS) await pause(50);
      const before = network.lastActivity();
      await page.evaluate("new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }))");
      await pause(QUIET_MS);
      if (network.lastActivity() === before || Date.now() - started >= SETTLE_LIMIT_MS) break;
    }
    const figures = await page.evaluate(() => ({
      ...window.__pageFigures,
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0,
    }));
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? 0;
    return {
      lcpMs: figures.lcp,
      lcpElement: figures.lcpElement,
      fcpMs: figures.fcp,
      cls: figures.cls,
      taskMs: metric("TaskDuration") * 1000,
      scriptMs: metric("ScriptDuration") * 1000,
      styleLayoutMs: (metric("RecalcStyleDuration") + metric("LayoutDuration")) * 1000,
      longTasks: figures.longTasks.length,
      blockingMs: figures.longTasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
      heapBytes: metric("JSHeapUsedSize"),
      ...network.figures(),
    };
  } finally {
    await context.close();
  }
}

/**
 * The widget's cost to a shop page: the same Bootstrap-like page without the snippet, with it for a guest and with it for a
 * signed-in member, each loaded `runs` times (interleaved, so the machine's other load falls on all alike) in a fresh
 * headless Chromium context, against a built endpoint with a seeded shop.
 */
export async function measurePage(options: { runs: number; port: number; cpuSlowdown: number }): Promise<Record<Variant, PageLoad[]>> {
  const file = resolve(".bench/page.sqlite");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  const site = await startShopSite(options.port);
  const endpoint = await startProcess(
    "dist/server/serve.js",
    options.port + 1,
    { DATABASE_URL: `file:${file}`, LOYALTY_JOBS: "0", LOYALTY_OPERATOR_KEY: OPERATOR_KEY },
    "/healthz",
  );
  let browser: Browser | undefined;
  try {
    const post = async (path: string, key: string, body: unknown) => {
      const response = await fetch(`${endpoint.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, string>>;
    };
    const shop = await post("/v1/operator/shops", OPERATOR_KEY, {
      id: "page",
      name: "Tienda",
      allowedOrigins: [site.origin],
      defaultLocale: "es",
      currency: "EUR",
    });
    const secretKey = shop.secretKey ?? "";
    for (const [n, subtotal] of ["180.00", "95.50", "64.90"].entries())
      await post("/v1/orders", secretKey, {
        id: `page-${n}`,
        customerId: "member",
        subtotal,
        currency: "EUR",
        channel: "online",
        placedAt: new Date(Date.now() - (30 - n * 10) * 86_400_000).toISOString(),
      });
    const token = signCustomerToken({ signingSecret: shop.signingSecret ?? "", shop: "page", customerId: "member", expiresIn: 86_400 });
    const tag = (extra: string) => `<script async src="${endpoint.url}/loyalty.js" data-shop="page"${extra}></script>`;
    const paths: Record<Variant, string> = { "no widget": "/plain.html", "widget, guest": "/guest.html", "widget, member": "/member.html" };
    site.page(paths["no widget"], shopPageHtml(""));
    site.page(paths["widget, guest"], shopPageHtml(tag("")));
    site.page(paths["widget, member"], shopPageHtml(tag(` data-customer-token="${token}"`)));

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const results: Record<Variant, PageLoad[]> = { "no widget": [], "widget, guest": [], "widget, member": [] };
    // one load of each first, not counted: the first launch warms the browser's and the endpoint's caches
    for (const variant of VARIANTS) await loadOnce(browser, `${site.origin}${paths[variant]}`, endpoint.url, options.cpuSlowdown);
    for (let run = 0; run < options.runs; run++)
      for (const variant of VARIANTS)
        results[variant].push(await loadOnce(browser, `${site.origin}${paths[variant]}`, endpoint.url, options.cpuSlowdown));
    return results;
  } finally {
    await browser?.close();
    await endpoint.stop();
    await site.stop();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  }
}
