import type { EventPage } from "../../contract/index.ts";
import { events } from "../storage/repository.ts";
import type { Services, Shop } from "./services.ts";

/** The shop's events after `after`, oldest first. */
export async function eventPage(services: Services, shop: Shop, after: number, limit: number): Promise<EventPage> {
  const rows = await events.after(services.driver.read, shop.id, after, limit);
  return {
    events: rows.map((row) => ({
      id: String(row.id),
      type: row.type,
      timestamp: new Date(Number(row.created_at)).toISOString(),
      data: JSON.parse(row.data) as Record<string, unknown>,
    })),
    last: String(rows.at(-1)?.id ?? after),
  };
}
