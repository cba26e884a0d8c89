import type { Driver } from "./driver.ts";

export function openPostgres(_url: string): Driver {
  throw new Error("PostgreSQL support is not built yet");
}
