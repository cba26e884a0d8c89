import { createVerifier } from "fast-jwt";

export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
export const CLOCK_SKEW_SECONDS = 60;
const customerId = /^[\w.:@+\-/=]{1,128}$/;

type Claims = Record<string, unknown>;
export type TokenCheck = { ok: true; customerId: string } | { ok: false; reason: string };

/** A verifier per signing secret (fast-jwt checks the HMAC with node:crypto in constant time; the clock checks are ours). */
function createVerifierFor(secret: string) {
  return createVerifier({
    key: secret,
    algorithms: ["HS256"],
    requiredClaims: ["sub", "shop", "iat", "exp"],
    ignoreExpiration: true,
    ignoreNotBefore: true,
  });
}

const MAX_VERIFIED = 100_000;

/**
 * What an app remembers of the tokens it checked: a verifier per signing secret, and the claims of tokens whose signature it
 * already checked, by token text (a shopper's token comes back on every page view). The clock checks run every time.
 */
export class TokenMemory {
  private readonly verifiers = new Map<string, (token: string) => unknown>();
  private readonly verified = new Map<string, { secret: string; claims: Claims }>();

  verifierFor(secret: string) {
    let verify = this.verifiers.get(secret);
    if (!verify) {
      verify = createVerifierFor(secret);
      if (this.verifiers.size > 1000) this.verifiers.clear();
      this.verifiers.set(secret, verify);
    }
    return verify;
  }

  /** The claims of a token checked before under one of `secrets`. */
  known(token: string, secrets: string[]): Claims | undefined {
    const known = this.verified.get(token);
    return known && secrets.includes(known.secret) ? known.claims : undefined;
  }

  remember(token: string, secret: string, claims: Claims) {
    if (this.verified.size >= MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { secret, claims });
  }
}

const failure: Record<string, string> = {
  FAST_JWT_MISSING_REQUIRED_CLAIM: "token lacks a required claim (sub, shop, iat, exp)",
  FAST_JWT_INVALID_ALGORITHM: "only HS256 is accepted",
  FAST_JWT_INVALID_SIGNATURE: "bad signature",
};

/** The token's claims if one of `secrets` signed it, or why not. */
function signedClaims(token: string, secrets: string[], memory?: TokenMemory): Claims | string {
  const known = memory?.known(token, secrets);
  if (known) return known;
  let reason = "bad signature";
  for (const secret of secrets) {
    try {
      const claims = (memory ? memory.verifierFor(secret) : createVerifierFor(secret))(token) as Claims;
      memory?.remember(token, secret, claims);
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
 * claims `sub`, `shop`, `iat`, `exp`; `exp` at most 24 h after `iat`; 60 s of clock skew. With `memory` (the app's), a token
 * whose signature was checked before is not checked again.
 */
export function checkCustomerToken(token: string, shopId: string, secrets: string[], now = Date.now(), memory?: TokenMemory): TokenCheck {
  if (token.length > 4096) return { ok: false, reason: "token too long" };
  const claims = signedClaims(token, secrets, memory);
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
