import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { hostOf, isPublicAddress } from "../domain/webhooks.ts";

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Host name → addresses; the system resolver by default, a fake one in tests. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export interface TransportPolicy {
  /** `LOYALTY_WEBHOOK_ALLOW_PRIVATE=1`: private and loopback targets allowed (development, tests, a private network). */
  allowPrivate: boolean;
  resolve?: Resolver;
  timeoutMs?: number;
}

/** Why a host may not receive webhooks under the policy, or null: every address it resolves to is checked. */
export async function hostProblem(url: URL, policy: TransportPolicy): Promise<string | null> {
  if (policy.allowPrivate) return null;
  const host = hostOf(url);
  if (isIP(host)) return isPublicAddress(host) ? null : `${host} is a private or loopback address`;
  let addresses: ResolvedAddress[];
  try {
    addresses = await (policy.resolve ?? systemResolver)(host);
  } catch {
    return `${host} does not resolve`;
  }
  const refused = addresses.find((entry) => !isPublicAddress(entry.address));
  return refused ? `${host} resolves to ${refused.address}, a private or loopback address` : null;
}

/**
 * The connection's own resolver: it checks every address a host resolves to at connect time, so a host that pointed to a
 * public address when the webhook was saved and points inside the network now (DNS rebinding) is refused too.
 */
function checkedLookup(policy: TransportPolicy): LookupFunction {
  return (hostname, options, callback) => {
    (policy.resolve ?? systemResolver)(hostname).then(
      (addresses) => {
        const refused = policy.allowPrivate ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
        if (refused || addresses.length === 0) {
          const error = Object.assign(new Error(`${hostname} resolves to ${refused?.address ?? "nothing"}: refused (private or loopback address)`), {
            code: "ELOYALTYPRIVATE",
          });
          return callback(error, "", 4);
        }
        if ((options as { all?: boolean }).all) return (callback as unknown as (error: null, all: ResolvedAddress[]) => void)(null, addresses);
        const first = addresses[0] as ResolvedAddress;
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };
}

export interface PostOutcome {
  status: number | null;
  error: string | null;
}

/**
 * POSTs one webhook message. Redirects are not followed (a 3xx is a failed attempt: the target could lead anywhere), the
 * answer's body is read and dropped, and the whole exchange is bounded by the policy's timeout (10 s by default).
 */
export async function postWebhook(url: string, headers: Record<string, string>, body: string, policy: TransportPolicy): Promise<PostOutcome> {
  const target = new URL(url);
  const host = hostOf(target);
  if (isIP(host) && !policy.allowPrivate && !isPublicAddress(host))
    return { status: null, error: `${host} is a private or loopback address: refused` };
  const client = target.protocol === "https:" ? https : http;
  return new Promise<PostOutcome>((resolve) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "premio-webhooks/1",
        },
        lookup: checkedLookup(policy),
        timeout: policy.timeoutMs ?? 10_000,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        response.resume();
        response.on("end", () => {
          if (status >= 200 && status < 300) resolve({ status, error: null });
          else if (status >= 300 && status < 400) resolve({ status, error: `redirect (${status}) not followed` });
          else resolve({ status, error: `the receiver answered ${status}` });
        });
        response.on("error", () => resolve({ status, error: "the answer was cut short" }));
      },
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ status: null, error: error.code === "ELOYALTYPRIVATE" ? error.message : `could not deliver: ${error.code ?? error.message}` }),
    );
    request.end(body);
  });
}
