import type { Driver } from "../storage/driver.ts";
import { customers } from "../storage/repository.ts";
import { type Settled, TurnBatches } from "./turn-batches.ts";

type Version = { version: number; created_at: number };
type Question = { shopId: string; customerId: string };

/**
 * The members' versions as the boot requests of one turn of the event loop ask for them, read together: on PostgreSQL one
 * round trip for every request in flight instead of one each, at most 200 ids a statement and two statements at once (the
 * requests that arrive meanwhile go together in the next). Each request's check still happens after the request arrived,
 * so a view checked this way is exactly as fresh as one checked alone. One per app (Services).
 */
export class VersionChecks {
  private readonly batches: TurnBatches<Question, Version | undefined>;

  constructor(driver: Driver) {
    this.batches = new TurnBatches((questions) => readVersions(driver, questions), { most: 200, inFlight: 2 });
  }

  /** The customer's `version` and `created_at`, or undefined when there is no such customer yet. */
  versionOf(shopId: string, customerId: string): Promise<Version | undefined> {
    return this.batches.add({ shopId, customerId });
  }
}

/** One statement per shop among the questions (nearly always one), each question answered in order. */
async function readVersions(driver: Driver, questions: Question[]): Promise<Settled<Version | undefined>[]> {
  const shops = [...new Set(questions.map((question) => question.shopId))];
  const byShop = new Map(
    await Promise.all(
      shops.map(async (shopId) => {
        const ids = [...new Set(questions.filter((question) => question.shopId === shopId).map((question) => question.customerId))];
        const rows = await customers.versionsOf(driver.read, shopId, ids);
        return [shopId, new Map(rows.map((row) => [row.id, { version: Number(row.version), created_at: Number(row.created_at) }]))] as const;
      }),
    ),
  );
  return questions.map((question) => ({ status: "fulfilled", value: byShop.get(question.shopId)?.get(question.customerId) }));
}
