import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { type Browser, type CDPSession, chromium } from "playwright-core";
import { signCustomerToken } from "../../server/sdk/sign-customer-token.js";
import { startProcess } from "./processes.ts";
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

declare global {
  interface Window {
    __pageFigures: { lcp: number; lcpElement: string; cls: number; longTasks: number[] };
  }
}

/**
 * Watches the page's paint, layout shifts and long tasks from its first script on. Plain JavaScript in a string: a function
 * would be serialised as compiled here, with helpers the page does not have.
 */
const observer = `(() => {
  const figures = { lcp: 0, lcpElement: "", cls: 0, longTasks: [] };
  window.__pageFigures = figures;
  const describe = (element) => {
    if (!element) return "";
    const root = element.getRootNode();
    if (root instanceof ShadowRoot) return describe(root.host) + " (shadow)";
    return element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") + (element.hasAttribute("data-loyalty-host") ? "[data-loyalty-host]" : "");
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      figures.lcp = entry.startTime;
      figures.lcpElement = describe(entry.element);
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) figures.cls += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) figures.longTasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: true });
})();`;

/** Counts the requests to the endpoint (preflights included) and their encoded bytes, and knows when the network is quiet. */
function watchNetwork(cdp: CDPSession, endpoint: string) {
  const urls = new Map<string, string>();
  let inFlight = 0;
  let lastActivity = Date.now();
  let bytes = 0;
  const counted: string[] = [];
  cdp.on("Network.requestWillBeSent", (event) => {
    inFlight++;
    lastActivity = Date.now();
    urls.set(event.requestId, event.request.url);
    if (event.request.url.startsWith(endpoint)) counted.push(`${event.type ?? ""} ${event.request.method} ${new URL(event.request.url).pathname}`);
  });
  const done = (requestId: string, encoded: number) => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
    if (urls.get(requestId)?.startsWith(endpoint)) bytes += encoded;
  };
  cdp.on("Network.loadingFinished", (event) => done(event.requestId, event.encodedDataLength));
  cdp.on("Network.loadingFailed", (event) => done(event.requestId, 0));
  return {
    quietFor: () => (inFlight === 0 ? Date.now() - lastActivity : 0),
    lastActivity: () => lastActivity,
    figures: () => ({ widgetRequests: counted.length, widgetBytes: bytes, widgetUrls: counted }),
  };
}

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

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Lines for the page figures: each measure's median and range per variant, then the widget's cost against the plain page. */
export function describePage(results: Record<Variant, PageLoad[]>, options: { runs: number; cpuSlowdown: number }): string[] {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 100 * 1024 ? 1 : 0)} KB`;
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const measures: [string, (load: PageLoad) => number, (value: number) => string][] = [
    ["largest contentful paint", (load) => load.lcpMs, ms],
    ["first contentful paint", (load) => load.fcpMs, ms],
    ["cumulative layout shift", (load) => load.cls, (value) => value.toFixed(3)],
    ["main-thread task time", (load) => load.taskMs, ms],
    ["  of it, script", (load) => load.scriptMs, ms],
    ["  of it, style and layout", (load) => load.styleLayoutMs, ms],
    ["long tasks", (load) => load.longTasks, (value) => value.toFixed(0)],
    ["blocking time (long tasks past 50 ms)", (load) => load.blockingMs, ms],
    ["JS heap after GC", (load) => load.heapBytes, kb],
    ["requests to the endpoint", (load) => load.widgetRequests, (value) => value.toFixed(0)],
    ["  their bytes on the wire", (load) => load.widgetBytes, kb],
  ];
  const cell = (text: string) => `${text.padEnd(31)} `;
  const lines = [
    `Cost to a shop page: a Bootstrap-like page (navbar, hero image, 12 products), headless Chromium, fresh context per load,`,
    `${options.runs} loads per variant${options.cpuSlowdown > 1 ? `, CPU slowed ${options.cpuSlowdown}×` : ""}; median (min–max)`,
    `${"".padEnd(46)} ${VARIANTS.map(cell).join("")}`,
  ];
  for (const [label, value, format] of measures)
    lines.push(
      `${label.padEnd(46)} ${VARIANTS.map((variant) => {
        const values = results[variant].map(value);
        return cell(`${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`);
      }).join("")}`,
    );
  const elements = (variant: Variant) => [...new Set(results[variant].map((load) => load.lcpElement || "none"))].join(", ");
  lines.push(`${"LCP element".padEnd(46)} ${VARIANTS.map((variant) => cell(elements(variant))).join("")}`);
  const plain = results["no widget"];
  for (const variant of VARIANTS.slice(1)) {
    const loads = results[variant];
    const change = (value: (load: PageLoad) => number) => median(loads.map(value)) - median(plain.map(value));
    const signed = (value: number, format: (value: number) => string) => `${value >= 0 ? "+" : "−"}${format(Math.abs(value))}`;
    lines.push(
      `${`${variant}: change against no widget`.padEnd(46)} LCP ${signed(
        change((load) => load.lcpMs),
        ms,
      )}, main thread ${signed(
        change((load) => load.taskMs),
        ms,
      )}, ` +
        `script ${signed(
          change((load) => load.scriptMs),
          ms,
        )}, CLS ${signed(
          change((load) => load.cls),
          (value) => value.toFixed(3),
        )}, ` +
        `JS heap ${signed(
          change((load) => load.heapBytes),
          kb,
        )} (target ≤ 2 MB)`,
    );
  }
  const urls = [...new Set(VARIANTS.slice(1).flatMap((variant) => results[variant].flatMap((load) => load.widgetUrls)))];
  lines.push(`${"what the widget fetched".padEnd(46)} ${urls.join(", ")}`);
  return lines;
}
