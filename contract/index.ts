export * from "./common.ts";
export * from "./theme.ts";
export * from "./program.ts";
export * from "./engagement.ts";
export * from "./widget.ts";
export * from "./backend.ts";
export * from "./operator.ts";
export * from "./console.ts";
