import { defineConfig, type UserConfig } from "vite";

/** The endpoint, bundled for Node: `vite build --mode server`. Dependencies stay in node_modules. */
const server: UserConfig = {
  build: {
    ssr: true,
    target: "node20",
    outDir: "dist/server",
    emptyOutDir: true,
    rollupOptions: { input: { serve: "server/cli/serve.ts", start: "server/cli/start.ts" }, output: { entryFileNames: "[name].js" } },
  },
};

/** The script-tag bundle: one self-contained IIFE, `dist/widget/loyalty.js`. */
const widget: UserConfig = {
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    target: "es2019",
    outDir: "dist/widget",
    emptyOutDir: true,
    lib: { entry: "widget/main.ts", formats: ["iife"], name: "LoyaltyWidget", fileName: () => "loyalty.js" },
  },
};

export default defineConfig(({ mode }) => (mode === "server" ? server : widget));
