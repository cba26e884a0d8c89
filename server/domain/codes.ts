import { randomBytes, randomInt } from "node:crypto";
import { isSelfReferral } from "./referrals.ts";

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

export type CodeStatus = "applied" | "unknown" | "already_used" | "expired" | "not_for_this_customer";

/** What is known when a customer presents a code. */
export interface CodeUseFacts {
  kind: "reward" | "referral_welcome";
  /** The customer who redeemed a reward code. */
  ownerId: string | null;
  usedByOrder: string | null;
  expiresAt: number;
  /** When the code is used: the order's `placedAt`, or now for a check before checkout. */
  at: number;
  customerId: string;
  customerEmail: string | null;
  /** Orders the customer had before this one. */
  customerPreviousOrders: number;
  /** A welcome code's referrer, if they still exist. */
  referrer: { id: string; email: string | null } | null;
  /** Another welcome code was already applied to the same order. */
  welcomeAlreadyApplied: boolean;
}

/**
 * Whether a code may be used, as a list of checks with their reason: a reward code belongs to the member who redeemed it;
 * a welcome code to one first order of someone who is not the referrer (the referral's own rules about people).
 */
export function judgeCodeUse(facts: CodeUseFacts): { usable: true } | { usable: false; status: Exclude<CodeStatus, "applied"> } {
  if (facts.usedByOrder) return { usable: false, status: "already_used" };
  if (facts.expiresAt < facts.at) return { usable: false, status: "expired" };
  if (facts.kind === "reward") return facts.ownerId === facts.customerId ? { usable: true } : { usable: false, status: "not_for_this_customer" };
  const referrer = facts.referrer;
  if (!referrer) return { usable: false, status: "not_for_this_customer" };
  const self = isSelfReferral({
    referrerId: referrer.id,
    referrerEmail: referrer.email,
    friendId: facts.customerId,
    friendEmail: facts.customerEmail,
  });
  if (self || facts.customerPreviousOrders > 0 || facts.welcomeAlreadyApplied) return { usable: false, status: "not_for_this_customer" };
  return { usable: true };
}
