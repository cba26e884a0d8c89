import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { expect, test } from "vitest";

// Contract 7.1: the boot (loyalty.js) at most 5,000 bytes gzip -9, and with everything it ever loads (the panel) at most 16,000.
const BOOT_LIMIT = 5_000;
const TOTAL_LIMIT = 16_000;

const gzipped = (file: string) => gzipSync(readFileSync(`dist/widget/${file}`), { level: 9 }).length;

test(`loyalty.js stays within ${BOOT_LIMIT} bytes gzip -9, and with the panel it loads within ${TOTAL_LIMIT}`, () => {
  const files = readdirSync("dist/widget");
  const panels = files.filter((file) => /^loyalty-panel-[\w-]+\.js$/.test(file));
  expect(panels).toHaveLength(1);
  // everything the boot may load is a file the endpoint serves beside it: the boot and its one panel, nothing else
  expect(files.filter((file) => file.endsWith(".js")).sort()).toEqual(["loyalty.js", panels[0]].sort());
  const boot = gzipped("loyalty.js");
  const panel = gzipped(panels[0] ?? "");
  console.log(
    `loyalty.js: ${boot} bytes gzip -9 (limit ${BOOT_LIMIT}); ${panels[0]}: ${panel}; boot + panel: ${boot + panel} (limit ${TOTAL_LIMIT})`,
  );
  expect(boot).toBeLessThanOrEqual(BOOT_LIMIT);
  expect(boot + panel).toBeLessThanOrEqual(TOTAL_LIMIT);
  // the boot names the panel it loads, so that a stale panel is never mixed with a new boot
  expect(readFileSync("dist/widget/loyalty.js", "utf8")).toContain(panels[0]);
});
