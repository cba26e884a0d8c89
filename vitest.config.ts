import { defineConfig } from "vitest/config";

export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  // the widget's panel renders with its own small JSX runtime (each of its .tsx files says `@jsxImportSource widget-dom`)
  resolve: {
    alias: { "widget-dom/jsx-runtime": "/widget/panel/dom/jsx-runtime.ts", "widget-dom/jsx-dev-runtime": "/widget/panel/dom/jsx-runtime.ts" },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "node", include: ["test/unit/**/*.test.ts", "test/http/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      { extends: true, test: { name: "dom", include: ["test/dom/**/*.test.{ts,tsx}"], environment: "happy-dom" } },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
