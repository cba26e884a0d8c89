import { createVerifier } from "fast-jwt";

export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
export const CLOCK_SKEW_SECONDS = 60;
const customerId = /^[\w.:@+\-/=]{1,128}$/;

type Claims = Record<string, unknown>;
export type TokenCheck = { ok: true; customerId: string } | { ok: false; reason: string };

const verifiers = new Map<string, (token: string) => unknown>();
function verifierFor(secret: string) {
  let verify = verifiers.get(secret);
  if (!verify) {
    // fast-jwt checks the HMAC with node:crypto in constant time; the clock checks are ours, below.
    verify = createVerifier({
      key: secret,
      algorithms: ["HS256"],
      requiredClaims: ["sub", "shop", "iat", "exp"],
      ignoreExpiration: true,
      ignoreNotBefore: true,
    });
    if (verifiers.size > 1000) verifiers.clear();
    verifiers.set(secret, verify);
  }
  return verify;
}

/** Claims of tokens whose signature was already checked, by token text: a shopper's token comes back on every page view. */
const verified = new Map<string, { secret: string; claims: Claims }>();
const MAX_VERIFIED = 100_000;

const failure: Record<string, string> = {
  FAST_JWT_MISSING_REQUIRED_CLAIM: "token lacks a required claim (sub, shop, iat, exp)",
  FAST_JWT_INVALID_ALGORITHM: "only HS256 is accepted",
  FAST_JWT_INVALID_SIGNATURE: "bad signature",
};

/** The token's claims if one of `secrets` signed it, or why not. */
function signedClaims(token: string, secrets: string[]): Claims | string {
  const known = verified.get(token);
  if (known && secrets.includes(known.secret)) return known.claims;
  let reason = "bad signature";
  for (const secret of secrets) {
    try {
      const claims = verifierFor(secret)(token) as Claims;
      if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value as string);
      verified.set(token, { secret, claims });
      return claims;
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      reason = failure[code] ?? "malformed token";
      if (code !== "FAST_JWT_INVALID_SIGNATURE") return reason; // else try the next secret (rotation overlap)
    }
  }
  return reason;
}

/**
 * A customer token as the contract defines it: HS256 signed with one of the shop's signing secrets,
 * claims `sub`, `shop`, `iat`, `exp`; `exp` at most 24 h after `iat`; 60 s of clock skew.
 */
export function checkCustomerToken(token: string, shopId: string, secrets: string[], now = Date.now()): TokenCheck {
  if (token.length > 4096) return { ok: false, reason: "token too long" };
  const claims = signedClaims(token, secrets);
  if (typeof claims === "string") return { ok: false, reason: claims };
  const { sub, shop, iat, exp } = claims;
  if (typeof sub !== "string" || !customerId.test(sub)) return { ok: false, reason: "sub is not a customer id" };
  if (shop !== shopId) return { ok: false, reason: "token is for another shop" };
  if (typeof iat !== "number" || typeof exp !== "number") return { ok: false, reason: "iat and exp must be numbers" };
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) return { ok: false, reason: "exp is more than 24 hours after iat" };
  if (iat > now / 1000 + CLOCK_SKEW_SECONDS) return { ok: false, reason: "iat is in the future" };
  if (exp + CLOCK_SKEW_SECONDS <= now / 1000) return { ok: false, reason: "token expired" };
  return { ok: true, customerId: sub };
}
