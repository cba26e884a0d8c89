import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new secret of 32 random bytes, base64url, with a prefix that says what it is. */
export const newSecret = (prefix: "sk" | "ss" | "ok") => `${prefix}_${randomBytes(32).toString("base64url")}`;

/** Secret keys are stored as SHA-256 digests; a leaked database does not leak them. */
export const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** SHA-256 of a request body, to tell a replay from a different request under the same id. */
export const fingerprint = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("base64url");

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
