import { createHmac } from "node:crypto";

export interface CustomerTokenOptions {
  /** The shop's signing secret (never send it to a browser). */
  signingSecret: string;
  shop: string;
  /** The shop's own customer id, opaque to the loyalty endpoint. */
  customerId: string;
  /** Lifetime in seconds; at most 24 hours. Default 1 hour. */
  expiresIn?: number;
  /** Seconds since the epoch; default now. */
  issuedAt?: number;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** Mints the HS256 customer token that a shop's backend puts in `data-customer-token`. No dependencies. */
export function signCustomerToken(options: CustomerTokenOptions): string {
  const expiresIn = options.expiresIn ?? 3600;
  if (!(expiresIn > 0 && expiresIn <= 86_400)) throw new RangeError("expiresIn must be between 1 and 86400 seconds");
  const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify({ sub: options.customerId, shop: options.shop, iat, exp: iat + expiresIn }));
  const signature = createHmac("sha256", options.signingSecret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}
