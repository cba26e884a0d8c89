import { createVerifier } from "fast-jwt";

type Verify = (token: string) => unknown;

export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
export const CLOCK_SKEW_SECONDS = 60;
const customerId = /^[\w.:@+\-/=]{1,128}$/;

export type TokenCheck = { ok: true; customerId: string } | { ok: false; reason: string };

const verifiers = new Map<string, Verify>();

function verifierFor(secret: string): Verify {
  let verify = verifiers.get(secret);
  if (!verify) {
    // fast-jwt checks the HMAC with node:crypto in constant time and caches verified signatures
    // (a shopper's token is presented on every page view); the clock checks are ours, below.
    verify = createVerifier({
      key: secret,
      algorithms: ["HS256"],
      requiredClaims: ["sub", "shop", "iat", "exp"],
      ignoreExpiration: true,
      ignoreNotBefore: true,
      cache: 10_000,
    });
    if (verifiers.size > 1000) verifiers.clear();
    verifiers.set(secret, verify);
  }
  return verify;
}

/**
 * A customer token as the contract defines it: HS256 signed with one of the shop's signing secrets,
 * claims `sub`, `shop`, `iat`, `exp`; `exp` at most 24 h after `iat`; 60 s of clock skew.
 */
export function checkCustomerToken(token: string, shopId: string, secrets: string[], now = Date.now()): TokenCheck {
  if (token.length > 4096) return { ok: false, reason: "token too long" };
  let lastReason = "bad signature";
  for (const secret of secrets) {
    try {
      const claims = verifierFor(secret)(token) as Record<string, unknown>;
      const { sub, shop, iat, exp } = claims;
      if (typeof sub !== "string" || !customerId.test(sub)) return { ok: false, reason: "sub is not a customer id" };
      if (shop !== shopId) return { ok: false, reason: "token is for another shop" };
      if (typeof iat !== "number" || typeof exp !== "number") return { ok: false, reason: "iat and exp must be numbers" };
      if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) return { ok: false, reason: "exp is more than 24 hours after iat" };
      if (iat > now / 1000 + CLOCK_SKEW_SECONDS) return { ok: false, reason: "iat is in the future" };
      if (exp + CLOCK_SKEW_SECONDS <= now / 1000) return { ok: false, reason: "token expired" };
      return { ok: true, customerId: sub };
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      if (code === "FAST_JWT_INVALID_SIGNATURE") continue; // try the next secret (rotation overlap)
      lastReason =
        code === "FAST_JWT_EXPIRED"
          ? "token expired"
          : code === "FAST_JWT_MISSING_REQUIRED_CLAIM"
            ? "token lacks a required claim (sub, shop, iat, exp)"
            : code === "FAST_JWT_INVALID_ALGORITHM"
              ? "only HS256 is accepted"
              : "malformed token";
      if (code !== "FAST_JWT_INVALID_SIGNATURE") return { ok: false, reason: lastReason };
    }
  }
  return { ok: false, reason: lastReason };
}
