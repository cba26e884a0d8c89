import type { Driver } from "../storage/driver.ts";
import { customers } from "../storage/repository.ts";

type Version = { version: number; created_at: number };
interface Waiting {
  resolve(version: Version | undefined): void;
  reject(error: unknown): void;
}

/** More ids than this in one statement are split over several. */
const MOST_IDS = 200;

/**
 * The members' versions as the boot requests of one turn of the event loop ask for them, read together: on PostgreSQL one
 * round trip for every request in flight instead of one each. Each request's check still happens after the request arrived,
 * so a view checked this way is exactly as fresh as one checked alone. One per app (Services).
 */
export class VersionChecks {
  /** The requests of this turn, by shop and customer. */
  private waiting = new Map<string, Map<string, Waiting[]>>();

  constructor(private readonly driver: Driver) {}

  /** The customer's `version` and `created_at`, or undefined when there is no such customer yet. */
  versionOf(shopId: string, customerId: string): Promise<Version | undefined> {
    return new Promise((resolve, reject) => {
      if (!this.waiting.size) setImmediate(() => void this.readAll());
      let byCustomer = this.waiting.get(shopId);
      if (!byCustomer) {
        byCustomer = new Map();
        this.waiting.set(shopId, byCustomer);
      }
      const waiting = byCustomer.get(customerId) ?? [];
      waiting.push({ resolve, reject });
      byCustomer.set(customerId, waiting);
    });
  }

  private async readAll() {
    const turn = this.waiting;
    this.waiting = new Map();
    await Promise.all(
      [...turn].flatMap(([shopId, byCustomer]) => {
        const ids = [...byCustomer.keys()];
        return Array.from({ length: Math.ceil(ids.length / MOST_IDS) }, (_, part) =>
          this.read(shopId, ids.slice(part * MOST_IDS, (part + 1) * MOST_IDS), byCustomer),
        );
      }),
    );
  }

  private async read(shopId: string, ids: string[], byCustomer: Map<string, Waiting[]>) {
    try {
      const rows = new Map((await customers.versionsOf(this.driver.read, shopId, ids)).map((row) => [row.id, row]));
      for (const id of ids) {
        const row = rows.get(id);
        for (const waiting of byCustomer.get(id) ?? []) waiting.resolve(row && { version: Number(row.version), created_at: Number(row.created_at) });
      }
    } catch (error) {
      for (const id of ids) for (const waiting of byCustomer.get(id) ?? []) waiting.reject(error);
    }
  }
}
