import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame, Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.0, 2.1 and 2.2 A and AA (2.2 adds `target-size`, which axe's defaults leave off) plus axe's best practices. */
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: (string | string[])[]; failureSummary?: string }[] }[];
}

async function inject(frame: Frame) {
  if (await frame.evaluate(() => "axe" in window).catch(() => true)) return;
  await frame.addScriptTag({ content: axeSource });
}

/**
 * Runs axe-core on the page (or only inside `include`, e.g. the widget's host: axe follows open shadow roots) and answers one
 * readable line per failing node: rule id, impact, target (shadow-root steps joined by `>>>`) and what failed.
 * Frames get axe too, so that an iframe (the console's preview) is audited rather than timed out on.
 */
export async function audit(page: Page, include?: string): Promise<string[]> {
  for (const frame of page.frames()) {
    await inject(frame);
    // colours are sampled as drawn: a panel still fading in would fail contrast checks it passes once shown
    await frame.evaluate(() => {
      const roots = [document, ...Array.from(document.querySelectorAll("*"), (element) => element.shadowRoot).filter((root) => root !== null)];
      return Promise.all(roots.flatMap((root) => root.getAnimations()).map((animation) => animation.finished));
    });
  }
  const result = await page.evaluate(
    async ({ include, tags }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
      return axe.run(include ? { include: [[include]] } : document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    },
    { include, tags: wcagTags },
  );
  return (result as AxeResult).violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const target = node.target.map((step) => (Array.isArray(step) ? step.join(" >>> ") : step)).join(" | ");
      const why = (node.failureSummary ?? "").replace(/\s+/g, " ").trim();
      return `${violation.id} [${violation.impact}] ${target}: ${violation.help}. ${why}`;
    }),
  );
}
