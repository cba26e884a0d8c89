import { randomBytes, randomInt } from "node:crypto";

// Crockford-style alphabet: no I, L, O, U, so codes read aloud at a till are not misheard.
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function randomText(length: number): string {
  const bytes = randomBytes(length);
  let text = "";
  for (const byte of bytes) text += alphabet[byte & 31];
  return text;
}

/** A single-use discount code: 16 random symbols (80 bits), unguessable, grouped for reading. */
export function discountCode(prefix = "PR"): string {
  const body = randomText(16);
  return `${prefix}-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}-${body.slice(12)}`;
}

/** A member's referral code: short enough to say aloud, long enough not to collide often (retried on collision). */
export function referralCode(): string {
  return randomText(8 + randomInt(0, 1));
}
