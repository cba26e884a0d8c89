import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

// N = 2^15 costs about 30 ms and 32 MB a check: slow for a guesser, fine for a sign-in.
const COST = { N: 32_768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: typeof COST): Promise<Buffer> {
  return new Promise((done, fail) => scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, cost, (error, key) => (error ? fail(error) : done(key))));
}

/** `scrypt$N$r$p$salt$key`, the parameters kept beside the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** True when `password` matches `stored`; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), { ...COST, N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash to check against when the account does not exist, so that timing does not tell which emails have one. */
export const decoyHash = hashPassword(randomBytes(12).toString("base64url"));
