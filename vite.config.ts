import { defineConfig, type Plugin, type UserConfig } from "vite";
import { existsSync, readdirSync } from "node:fs";
import { bootSchemas, panelSchemas } from "./widget/schema/generate.ts";
import { schemaModule } from "./widget/schema/module.ts";

/** Node entries bundled for Node 20 into `outDir`; their dependencies stay in node_modules. */
const nodeBundle = (outDir: string, input: Record<string, string>): UserConfig => ({
  build: { ssr: true, target: "node20", outDir, emptyOutDir: true, rollupOptions: { input, output: { entryFileNames: "[name].js" } } },
});

/** The endpoint and its commands: `vite build --mode server`. */
const server = nodeBundle("dist/server", {
  serve: "server/cli/serve.ts",
  backup: "server/cli/backup.ts",
  restore: "server/cli/restore.ts",
  console: "server/cli/console.ts",
});

/** `npm start`: the demo shop, which starts the built endpoint (dist/server) as a child process beside it (`vite build --mode demo`). */
const demo = nodeBundle("dist/demo-shop", { start: "demo-shop/start.ts" });

/** The widget checks responses with compact data made from the contract's zod schemas here, at build time: zod stays out of the bundles. */
const contractSchemaData: Plugin = {
  name: "contract-schema-data",
  load(id) {
    if (/[\\/]widget[\\/]schema[\\/]boot\.ts$/.test(id)) return schemaModule(bootSchemas());
    if (/[\\/]widget[\\/]schema[\\/]panel\.ts$/.test(id)) return schemaModule(panelSchemas());
  },
};

const widgetDir = "dist/widget";

/**
 * What both widget bundles share: es2020 keeps `?.` and `??` as written; terser with its safe defaults (no unsafe rewrites, no
 * property mangling: the code needs no care for the minifier, and names stay readable in the source).
 */
const widgetBase: UserConfig = {
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  plugins: [contractSchemaData],
  build: {
    target: "es2020",
    // browsers with color-mix() and :has(): the stylesheets stay as written (no expanded `inset`, no split selector lists)
    cssTarget: ["chrome111", "edge111", "firefox121", "safari16.4"],
    // esbuild minifies the stylesheets as written (Lightning CSS adds color-scheme fallback properties no supported browser needs)
    cssMinify: "esbuild",
    outDir: widgetDir,
    minify: process.env.WIDGET_NOMINIFY ? false : "terser",
    sourcemap: !!process.env.WIDGET_SOURCEMAP,
    terserOptions: { ecma: 2020, compress: { passes: 2 }, format: { comments: false } },
  },
};

/** The panel: an ES module with a content-hashed name (`vite build --mode panel`, first), loaded by the boot with `import()`. */
const panel: UserConfig = {
  ...widgetBase,
  // the panel's own JSX runtime (widget/panel/dom): each of its .tsx files says `@jsxImportSource widget-dom`
  resolve: { alias: { "widget-dom/jsx-runtime": "/widget/panel/dom/jsx-runtime.ts" } },
  build: {
    ...widgetBase.build,
    emptyOutDir: true,
    // an app build rather than a library one: Vite leaves a library's ES output unminified
    rollupOptions: {
      input: "widget/panel/main.tsx",
      preserveEntrySignatures: "strict",
      output: { format: "es", entryFileNames: "loyalty-panel-[hash].js" },
    },
  },
};

/** The panel's file as the panel build wrote it: the boot imports it by this name. */
function panelFileName() {
  const file = existsSync(widgetDir) ? readdirSync(widgetDir).find((name) => /^loyalty-panel-[\w-]+\.js$/.test(name)) : undefined;
  if (!file) throw new Error("build the panel first: vite build --mode panel");
  return file;
}

/** The boot: `dist/widget/loyalty.js`, one self-contained classic script (IIFE) with no Preact, beside the panel's file. */
const boot = (): UserConfig => ({
  ...widgetBase,
  define: { ...widgetBase.define, __LOYALTY_PANEL_FILE__: JSON.stringify(panelFileName()) },
  build: {
    ...widgetBase.build,
    emptyOutDir: false,
    lib: { entry: "widget/boot/main.ts", formats: ["iife"], name: "LoyaltyWidget", fileName: () => "loyalty.js" },
  },
});

/**
 * The marketers' console: a Preact app built into dist/console, served by the endpoint at /console.
 * Hashed asset names, no inline scripts or styles (the endpoint serves it under a strict CSP).
 */
const consoleApp: UserConfig = {
  root: "console",
  base: "/console/",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: { outDir: "../dist/console", emptyOutDir: true, target: "es2022", assetsInlineLimit: 0, modulePreload: { polyfill: false } },
};

const modes: Record<string, () => UserConfig> = { server: () => server, demo: () => demo, console: () => consoleApp, panel: () => panel };

export default defineConfig(({ mode }) => (modes[mode] ?? boot)());
