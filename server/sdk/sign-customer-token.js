// Plain JavaScript (ESM, node:crypto only) so that a shop's Node backend can import it as it is; its types are in the .d.ts beside it.
import { createHmac } from "node:crypto";

const MAX_LIFETIME_SECONDS = 86_400;

/** @param {string | Buffer} value */
const base64url = (value) => Buffer.from(value).toString("base64url");

/**
 * Mints the HS256 customer token that a shop's backend puts in `data-customer-token`. No dependencies.
 * @param {{ signingSecret: string, shop: string, customerId: string, expiresIn?: number, issuedAt?: number }} options
 *   the fields of `CustomerTokenOptions` in sign-customer-token.d.ts
 * @returns {string}
 */
export function signCustomerToken(options) {
  const expiresIn = options.expiresIn ?? 3600;
  if (!(expiresIn > 0 && expiresIn <= MAX_LIFETIME_SECONDS)) throw new RangeError("expiresIn must be between 1 and 86400 seconds");
  const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify({ sub: options.customerId, shop: options.shop, iat, exp: iat + expiresIn }));
  const signature = createHmac("sha256", options.signingSecret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}
