import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, test } from "vitest";

// The layers the folders promise (README, "Project layout"): each rule names a folder and the folders it must not import
// from, checked against the import statements of every source file with their relative paths resolved.

const sourceFolders = ["contract", "server", "widget", "console", "demo-shop"];
const sourceFile = /\.(ts|tsx|js|mjs)$/;
// `import … from "x"` and `export … from "x"` (across lines), `import "x"`, and `import("x")` anywhere
const importPattern = /^\s*(?:(?:import|export)\b[^;]*?\bfrom\s*|import\s*)["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

interface Import {
  file: string;
  specifier: string;
  /** The imported file relative to the project's root, or the specifier itself for packages. */
  target: string;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : filesUnder(path);
    return sourceFile.test(entry.name) ? [path] : [];
  });
}

/** Every import statement of every source file, its relative paths resolved against the importing file. */
function allImports(): Import[] {
  return sourceFolders.flatMap(filesUnder).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(importPattern)]
      .map(([, statement, dynamic]) => statement ?? dynamic ?? "")
      .map((specifier) => ({
        file,
        specifier,
        target: specifier.startsWith(".") ? relative(".", normalize(join(dirname(file), specifier))) : specifier,
      })),
  );
}

const imports = allImports();
const within = (path: string, folder: string) => path.startsWith(`${folder}/`);

/** The imports of files under `from` that reach into any of `forbidden`, as `file → specifier` lines. */
function crossings(from: string, forbidden: string[], allowed: string[] = []): string[] {
  return imports
    .filter(({ file, target }) => within(file, from) && !allowed.includes(file) && forbidden.some((folder) => within(target, folder)))
    .map(({ file, specifier }) => `${file} → ${specifier}`);
}

describe("layering", () => {
  test("the import reader sees the imports it is meant to judge", () => {
    expect(imports.length).toBeGreaterThan(500);
    expect(imports).toContainEqual({ file: "server/http/app.ts", specifier: "hono", target: "hono" });
    expect(imports.some(({ file, target }) => within(file, "widget") && within(target, "contract"))).toBe(true);
  });

  test("server/domain/ is pure: it imports neither storage nor HTTP", () => {
    expect(crossings("server/domain", ["server/storage", "server/http"])).toEqual([]);
  });

  test("server/http/ reaches storage only through the operations", () => {
    expect(crossings("server/http", ["server/storage"])).toEqual([]);
  });

  test("the demo shop is a client of the endpoint's public API: it imports nothing from server/", () => {
    expect(crossings("demo-shop", ["server"])).toEqual([]);
  });

  test("the widget imports neither server/ nor console/", () => {
    expect(crossings("widget", ["server", "console"])).toEqual([]);
  });

  test("the console imports nothing from server/", () => {
    expect(crossings("console", ["server"])).toEqual([]);
  });

  test("the endpoint imports nothing from the demo shop", () => {
    expect(crossings("server", ["demo-shop"])).toEqual([]);
  });

  test("the contract imports nothing but zod and its own files", () => {
    const outside = imports.filter(({ file, target }) => within(file, "contract") && !within(target, "contract") && !/^zod(\/|$)/.test(target));
    expect(outside.map(({ file, specifier }) => `${file} → ${specifier}`)).toEqual([]);
  });
});
