import { panelSchemas } from "./generate.ts";

/**
 * The panel's compact schemas. Tests compute them here from the zod schemas; the build replaces this module with the computed
 * data (vite.config.ts), so zod never reaches the bundle.
 */
export const schemas = panelSchemas();
