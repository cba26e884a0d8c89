import type { Queries } from "../storage/driver.ts";
import { storedAnswers } from "../storage/idempotency.ts";
import type { ReplayRow } from "../storage/repository.ts";
import { ApiError } from "./errors.ts";

/** The request digest of answers whose customer was erased: a digest over their id would link back to them. */
export const ERASED = "erased";

/** The 409 messages of a route: another request under the same id or key, and (records by id) a customer erased since. */
export interface Conflicts {
  different: string;
  erased?: string;
}

/** The conflicts of a record kept by its id, named as the answers name it (`order "o1"`). */
export const recordConflicts = (record: string): Required<Conflicts> => ({
  different: `${record} was already recorded with different content`,
  erased: `${record} belonged to a customer who has been erased`,
});

/**
 * Answers a request at most once. `previous` is what was stored for its id or key: nothing, and `work` runs (it stores its own
 * answer, in the caller's transaction); the answer to the same request (same digest), which is given again; or a 409.
 */
export async function answerOnce<T>(
  previous: ReplayRow | undefined,
  request: { hash: string } & Conflicts,
  work: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (!previous) return { result: await work(), replayed: false };
  if (request.erased !== undefined && previous.request_hash === ERASED) throw new ApiError("conflict", request.erased);
  if (previous.request_hash !== request.hash) throw new ApiError("conflict", request.different);
  return { result: JSON.parse(previous.result) as T, replayed: true };
}

/**
 * Runs `work` at most once per customer and Idempotency-Key, inside the caller's transaction: a retry with the same key and
 * request gets the stored answer; the same key with another request is a 409. Two requests racing with one key cannot both
 * write: the key is the table's primary key, and the loser's transaction is retried and then finds the winner's answer.
 */
export async function onceForKey<T>(
  tx: Queries,
  request: { shopId: string; customerId: string; key: string; hash: string; at: number; different?: string },
  work: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  const previous = await storedAnswers.get(tx, request.shopId, request.customerId, request.key);
  const different = request.different ?? "this Idempotency-Key was used for another request";
  return answerOnce(previous, { hash: request.hash, different }, async () => {
    const result = await work();
    await storedAnswers.put(tx, { ...request, requestHash: request.hash, response: JSON.stringify(result) });
    return result;
  });
}

/** An Idempotency-Key header as the public routes accept it. */
export const IDEMPOTENCY_KEY = /^[\w.:-]{8,128}$/;
