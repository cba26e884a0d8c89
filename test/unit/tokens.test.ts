import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkCustomerToken } from "../../server/domain/tokens.ts";
import { signCustomerToken } from "../../server/sdk/sign-customer-token.js";

const secret = "ss_test_secret";
const now = 1_800_000_000;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
function forge(header: unknown, payload: unknown, key = secret) {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${createHmac("sha256", key).update(head).digest("base64url")}`;
}
const check = (token: string, at = now) => checkCustomerToken(token, "demo", [secret], at * 1000);

describe("customer tokens", () => {
  it("accepts a token from signCustomerToken", () => {
    const token = signCustomerToken({ signingSecret: secret, shop: "demo", customerId: "cus_42", issuedAt: now });
    expect(check(token)).toEqual({ ok: true, customerId: "cus_42" });
  });
  it("refuses a bad signature, another shop, no exp, exp too far, expiry, alg none and tampering", () => {
    const claims = { sub: "ana", shop: "demo", iat: now, exp: now + 3600 };
    expect(check(forge({ alg: "HS256" }, claims, "other-secret"))).toMatchObject({ ok: false, reason: "bad signature" });
    expect(check(forge({ alg: "HS256" }, { ...claims, shop: "other" }))).toMatchObject({ ok: false, reason: "token is for another shop" });
    expect(check(forge({ alg: "HS256" }, { sub: "ana", shop: "demo", iat: now }))).toMatchObject({ ok: false });
    expect(check(forge({ alg: "HS256" }, { ...claims, exp: now + 86_401 }))).toMatchObject({
      ok: false,
      reason: "exp is more than 24 hours after iat",
    });
    expect(check(forge({ alg: "HS256" }, claims), now + 3600 + 61)).toMatchObject({ ok: false, reason: "token expired" });
    const none = `${b64({ alg: "none" })}.${b64(claims)}.`;
    expect(check(none)).toMatchObject({ ok: false });
    const [head, , signature] = forge({ alg: "HS256" }, claims).split(".");
    expect(check(`${head}.${b64({ ...claims, sub: "admin" })}.${signature}`)).toMatchObject({ ok: false });
    expect(check("sk_not_a_token")).toMatchObject({ ok: false });
  });
  it("allows 60 seconds of clock skew, and no more", () => {
    const claims = { sub: "ana", shop: "demo", iat: now, exp: now + 600 };
    expect(check(forge({ alg: "HS256" }, claims), now + 600 + 30)).toMatchObject({ ok: true });
    expect(check(forge({ alg: "HS256" }, { ...claims, iat: now + 50, exp: now + 650 }))).toMatchObject({ ok: true });
    expect(check(forge({ alg: "HS256" }, { ...claims, iat: now + 120, exp: now + 700 }))).toMatchObject({
      ok: false,
      reason: "iat is in the future",
    });
  });
  it("accepts any of the shop's current signing secrets (rotation overlap)", () => {
    const token = signCustomerToken({ signingSecret: "new-secret", shop: "demo", customerId: "ana", issuedAt: now });
    expect(checkCustomerToken(token, "demo", [secret, "new-secret"], now * 1000)).toEqual({ ok: true, customerId: "ana" });
  });
  it("refuses to mint a token for more than 24 hours", () => {
    expect(() => signCustomerToken({ signingSecret: secret, shop: "demo", customerId: "ana", expiresIn: 90_000 })).toThrow(RangeError);
  });
});
