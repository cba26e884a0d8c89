import { defineConfig, type Plugin, type UserConfig } from "vite";
import { contractSchemas } from "./widget/schema/generate.ts";
import { schemaModule } from "./widget/schema/module.ts";

/** The endpoint, bundled for Node: `vite build --mode server`. Dependencies stay in node_modules. */
const server: UserConfig = {
  build: {
    ssr: true,
    target: "node20",
    outDir: "dist/server",
    emptyOutDir: true,
    rollupOptions: {
      input: {
        serve: "server/cli/serve.ts",
        start: "server/cli/start.ts",
        backup: "server/cli/backup.ts",
        restore: "server/cli/restore.ts",
        console: "server/cli/console.ts",
      },
      output: { entryFileNames: "[name].js" },
    },
  },
};

/** Marks the contract's top-level schema definitions as pure, so that those the widget never parses drop out of its bundle. */
const pureContractSchemas: Plugin = {
  name: "pure-contract-schemas",
  transform(code, id) {
    if (/[\\/]contract[\\/][\w-]+\.ts$/.test(id)) return code.replace(/^((?:export )?const \w+ = )z\./gm, "$1/* @__PURE__ */ z.");
  },
};

/** The widget checks responses with compact data made from the contract's zod schemas here, at build time: zod stays out of the bundle. */
const contractSchemaData: Plugin = {
  name: "contract-schema-data",
  load(id) {
    if (/[\\/]widget[\\/]schema[\\/]contract\.ts$/.test(id)) return schemaModule(contractSchemas());
  },
};

/**
 * The script-tag bundle: one self-contained IIFE, `dist/widget/loyalty.js`.
 * es2020 keeps `?.` and `??` as written (down-levelling them costs about 5% of the gzipped size);
 * terser squeezes a little more than the default minifier (its "unsafe" rewrites assume no one redefines built-ins).
 */
const widget: UserConfig = {
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  plugins: [pureContractSchemas, contractSchemaData],
  // classic `h(type, props, ...children)` calls are shorter than the automatic runtime's `jsx(type, { children: [...] })`
  oxc: { jsx: { runtime: "classic", pragma: "h", pragmaFrag: "Fragment" }, jsxInject: `import { h, Fragment } from "preact"` },
  build: {
    target: "es2020",
    outDir: "dist/widget",
    emptyOutDir: true,
    minify: "terser",
    terserOptions: {
      ecma: 2020,
      compress: { passes: 5, unsafe: true, unsafe_arrows: true, unsafe_comps: true, pure_getters: true, keep_fargs: false },
      format: { comments: false },
      // Preact's internal properties (`__k`, `__e`, ...: nothing outside Preact reads them here) get one-letter names
      mangle: { properties: { regex: /^__(?!html$|proto__$)/ } },
    },
    lib: { entry: "widget/main.ts", formats: ["iife"], name: "LoyaltyWidget", fileName: () => "loyalty.js" },
  },
};

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

export default defineConfig(({ mode }) => (mode === "server" ? server : mode === "console" ? consoleApp : widget));
