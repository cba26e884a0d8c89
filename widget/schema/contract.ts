import { contractSchemas } from "./generate.ts";

/**
 * The contract's response schemas in compact form. Tests compute them here from the zod schemas; the widget build replaces this
 * module with the computed data (vite.config.ts), so zod never reaches the bundle.
 */
export const schemas = contractSchemas();
