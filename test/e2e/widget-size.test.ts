import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { expect, test } from "vitest";

const LIMIT = 12_000;
const TARGET = 10_000;

test(`the built loyalty.js stays under ${LIMIT} bytes gzipped (target ${TARGET})`, () => {
  const bundle = readFileSync("dist/widget/loyalty.js");
  const gzipped = gzipSync(bundle, { level: 9 }).length;
  console.log(`loyalty.js: ${bundle.length} bytes, ${gzipped} bytes gzipped (target ${TARGET}, limit ${LIMIT})`);
  expect(gzipped).toBeLessThanOrEqual(LIMIT);
});
