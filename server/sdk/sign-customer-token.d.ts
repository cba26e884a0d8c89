export interface CustomerTokenOptions {
  /** The shop's signing secret (never send it to a browser). */
  signingSecret: string;
  /** The shop's id. */
  shop: string;
  /** The shop's own customer id, opaque to the loyalty endpoint. */
  customerId: string;
  /** Lifetime in seconds; at most 24 hours. Default 1 hour. */
  expiresIn?: number;
  /** Seconds since the epoch; default now. */
  issuedAt?: number;
}

/** Mints the HS256 customer token that a shop's backend puts in `data-customer-token`. No dependencies. */
export declare function signCustomerToken(options: CustomerTokenOptions): string;
