import type { CDPSession } from "playwright-core";

declare global {
  interface Window {
    __pageFigures: { lcp: number; lcpElement: string; cls: number; longTasks: number[] };
  }
}

/**
 * Watches the page's paint, layout shifts and long tasks from its first script on. Plain JavaScript in a string: a function
 * would be serialised as compiled here, with helpers the page does not have.
 */
export const observer = `(() => {
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
export function watchNetwork(cdp: CDPSession, endpoint: string) {
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
