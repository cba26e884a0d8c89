import { createHmac } from "node:crypto";
import { checkCustomerToken, TokenMemory } from "../../server/domain/tokens.ts";
import { signCustomerToken } from "../../server/sdk/sign-customer-token.js";

/** Microseconds per customer-token check: first sight (HMAC) and repeat (cached), against a bare node:crypto HMAC. */
export function tokenCost(count = 20_000) {
  const secret = "ss_bench_secret";
  // what the endpoint remembers of the tokens it checked
  const memory = new TokenMemory();
  const tokens = Array.from({ length: count }, (_, i) => signCustomerToken({ signingSecret: secret, shop: "bench", customerId: `t${i}` }));
  const time = (work: () => void) => {
    const started = process.hrtime.bigint();
    work();
    return Number(process.hrtime.bigint() - started) / 1000 / count;
  };
  const firstSight = time(() => {
    for (const token of tokens) checkCustomerToken(token, "bench", [secret], Date.now(), memory);
  });
  const repeat = time(() => {
    for (const token of tokens) checkCustomerToken(token, "bench", [secret], Date.now(), memory);
  });
  const bareHmac = time(() => {
    for (const token of tokens) createHmac("sha256", secret).update(token).digest();
  });
  return { firstSight, repeat, bareHmac };
}
