import { type PageLoad, VARIANTS, type Variant } from "./page-figures.ts";

/** The numeric figures of a load. */
type Measure = { [K in keyof PageLoad]: PageLoad[K] extends number ? K : never }[keyof PageLoad];

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
    const delta = (key: Measure, format: (value: number) => string) => {
      const value = median(loads.map((load) => load[key])) - median(plain.map((load) => load[key]));
      return `${value >= 0 ? "+" : "−"}${format(Math.abs(value))}`;
    };
    const parts = [
      `LCP ${delta("lcpMs", ms)}`,
      `main thread ${delta("taskMs", ms)}`,
      `script ${delta("scriptMs", ms)}`,
      `style and layout ${delta("styleLayoutMs", ms)}`,
      `CLS ${delta("cls", (value) => value.toFixed(3))}`,
      `JS heap ${delta("heapBytes", kb)} (target ≤ 2 MB)`,
    ];
    lines.push(`${`${variant}: change against no widget`.padEnd(46)} ${parts.join(", ")}`);
  }
  const urls = [...new Set(VARIANTS.slice(1).flatMap((variant) => results[variant].flatMap((load) => load.widgetUrls)))];
  lines.push(`${"what the widget fetched".padEnd(46)} ${urls.join(", ")}`);
  return lines;
}
