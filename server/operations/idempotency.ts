import type { Queries } from "../storage/driver.ts";
import { storedAnswers } from "../storage/idempotency.ts";
import { ApiError } from "./errors.ts";

/**
 * Runs `work` at most once per customer and Idempotency-Key, inside the caller's transaction: a retry with the same key and
 * request gets the stored answer; the same key with another request is a 409. Two requests racing with one key cannot both
 * write: the key is the table's primary key, and the loser's transaction is retried and then finds the winner's answer.
 */
export async function onceForKey<T>(
  tx: Queries,
  request: { shopId: string; customerId: string; key: string; hash: string; at: number },
  work: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  const previous = await storedAnswers.get(tx, request.shopId, request.customerId, request.key);
  if (previous) {
    if (previous.request_hash !== request.hash) throw new ApiError("conflict", "this Idempotency-Key was used for another request");
    return { result: JSON.parse(previous.response) as T, replayed: true };
  }
  const result = await work();
  await storedAnswers.put(tx, { ...request, requestHash: request.hash, response: JSON.stringify(result) });
  return { result, replayed: false };
}

/** An Idempotency-Key header as the public routes accept it. */
export const IDEMPOTENCY_KEY = /^[\w.:-]{8,128}$/;
