import { boot } from "./page-api.ts";

// The script-tag entry: `document.currentScript` is only readable now, while this file first runs.
boot(document.currentScript);
