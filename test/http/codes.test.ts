import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WELCOME_CODES_PER_NETWORK, WELCOME_CODES_PER_REFERRER } from "../../server/operations/referrals.ts";
import { type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

// Codes belong to someone: a reward code to the member who redeemed it, a welcome code to one first order of a
// customer who is not the referrer. Checked at checkout (GET /v1/discount-codes) and when the order comes in.

let e: TestEndpoint;
let anaCode: string;
beforeEach(async () => {
  e = await testEndpoint({ trustProxy: true });
  const ana = await e.call("PUT", "/v1/customers/ana", { headers: e.asShop, body: { email: "ana.lopez@gmail.com" } });
  anaCode = ana.json.referralCode;
});
afterEach(async () => {
  expect(await e.ledgerMismatches()).toEqual([]);
  await e.close();
});

const visit = (code: string, from = "203.0.113.7", visitor?: string) =>
  e.call("POST", "/v1/shops/demo/referral-visits", { body: { code, ...(visitor && { visitor }) }, headers: { "x-forwarded-for": from } });
const lookUp = (code: string, customerId?: string) =>
  e.call("GET", `/v1/discount-codes/${code}${customerId ? `?customerId=${customerId}` : ""}`, { headers: e.asShop });
const statusesOf = (order: { json: { discountCodes: { status: string }[] } }) => order.json.discountCodes.map((code) => code.status);

async function rewardCodeOf(customerId: string) {
  await e.call("POST", `/v1/customers/${customerId}/adjustments`, {
    headers: e.asShop,
    body: { id: `gift-${customerId}`, points: 300, reason: "gift" },
  });
  const redeemed = await e.call("POST", "/v1/shops/demo/redemptions", {
    headers: { ...e.asCustomer(customerId), "idempotency-key": `key-${customerId}-1` },
    body: { rewardId: "free-shipping" },
  });
  expect(redeemed.status).toBe(201);
  return redeemed.json.code as string;
}

describe("reward codes belong to their redeemer", () => {
  it("another customer's order gets not_for_this_customer and the code stays usable by its owner", async () => {
    const code = await rewardCodeOf("bea");
    expect((await lookUp(code, "carla")).json.status).toBe("not_for_this_customer");
    expect((await lookUp(code, "bea")).json.status).toBe("usable");
    expect((await lookUp(code)).json.status).toBe("usable");

    expect(statusesOf(await e.order("carla", "40.00", { discountCodes: [code] }))).toEqual(["not_for_this_customer"]);
    expect((await lookUp(code, "bea")).json.status).toBe("usable");
    expect(statusesOf(await e.order("bea", "40.00", { discountCodes: [code] }))).toEqual(["applied"]);
    expect((await lookUp(code, "bea")).json.status).toBe("used");
  });
});

describe("welcome codes belong to a new customer who is not the referrer", () => {
  it("the referrer herself, by id or by the same email, cannot use her own link's code", async () => {
    const welcome = (await visit(anaCode)).json.code as string;
    expect((await lookUp(welcome, "ana")).json.status).toBe("not_for_this_customer");
    expect(statusesOf(await e.order("ana", "40.00", { discountCodes: [welcome] }))).toEqual(["not_for_this_customer"]);
    await e.call("PUT", "/v1/customers/ana-alias", { headers: e.asShop, body: { email: "analopez+deals@googlemail.com" } });
    expect((await lookUp(welcome, "ana-alias")).json.status).toBe("not_for_this_customer");
    expect(statusesOf(await e.order("ana-alias", "40.00", { discountCodes: [welcome] }))).toEqual(["not_for_this_customer"]);
    expect((await lookUp(welcome)).json.status).toBe("usable");
  });

  it("a returning customer gets not_for_this_customer; a new one gets it applied and credits the referrer", async () => {
    await e.order("bea", "10.00");
    const welcome = (await visit(anaCode)).json.code as string;
    expect((await lookUp(welcome, "bea")).json.status).toBe("not_for_this_customer");
    const returning = await e.order("bea", "40.00", { discountCodes: [welcome] });
    expect(statusesOf(returning)).toEqual(["not_for_this_customer"]);
    expect(returning.json.referral).toBeNull();

    expect((await lookUp(welcome, "someone-new")).json.status).toBe("usable");
    const first = await e.order("carla", "40.00", { discountCodes: [welcome] });
    expect(statusesOf(first)).toEqual(["applied"]);
    expect(first.json.referral).toEqual({ status: "credited", referrerPoints: 200 });
  });

  it("one first order takes one welcome code", async () => {
    const one = (await visit(anaCode, "198.51.100.1")).json.code as string;
    const other = (await visit(anaCode, "198.51.100.2")).json.code as string;
    expect(statusesOf(await e.order("dani", "40.00", { discountCodes: [one, other] }))).toEqual(["applied", "not_for_this_customer"]);
    expect((await lookUp(other)).json.status).toBe("usable");
  });
});

describe("welcome codes are minted within bounds", () => {
  it("the same tab session, or without one the same network, gets its live code back and counts as one visit", async () => {
    const first = await visit(anaCode, "203.0.113.7", "tab-session-1");
    const again = await visit(anaCode, "203.0.113.7", "tab-session-1");
    expect(first.status).toBe(201);
    expect(again.json.code).toBe(first.json.code);
    const otherTab = await visit(anaCode, "203.0.113.7", "tab-session-2");
    expect(otherTab.json.code).not.toBe(first.json.code);

    const plain = await visit(anaCode, "192.0.2.44");
    expect((await visit(anaCode, "192.0.2.44")).json.code).toBe(plain.json.code);

    const payload = await e.call("GET", "/v1/shops/demo/widget", { headers: e.asCustomer("ana") });
    expect(payload.json.customer.referral.visits).toBe(3);
  });

  it("a used code is not given back: the session gets a fresh one", async () => {
    const first = (await visit(anaCode, "203.0.113.7")).json.code as string;
    await e.order("bea", "40.00", { discountCodes: [first] });
    const next = await visit(anaCode, "203.0.113.7");
    expect(next.status).toBe(201);
    expect(next.json.code).not.toBe(first);
  });

  it("a flood from one network mints a handful of codes, then 429 with Retry-After, and nothing more is stored", async () => {
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await visit(anaCode, "203.0.113.7", `flood-${String(i).padStart(4, "0")}`));
    const minted = new Set(answers.filter((answer) => answer.status === 201).map((answer) => answer.json.code));
    expect(minted.size).toBe(WELCOME_CODES_PER_NETWORK);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(40 - WELCOME_CODES_PER_NETWORK);
    expect(refused[0]?.json.error.code).toBe("rate_limited");
    expect(Number(refused[0]?.headers.get("retry-after"))).toBeGreaterThan(80_000);
    const stored = await e.driver.read.one<{ n: number }>("SELECT COUNT(*) AS n FROM codes WHERE kind = 'referral_welcome'", []);
    expect(Number(stored?.n)).toBe(WELCOME_CODES_PER_NETWORK);
  });

  it("a flood from many networks stops at the link's daily bound", async () => {
    let created = 0;
    let refused = 0;
    for (let i = 0; i < WELCOME_CODES_PER_REFERRER + 10; i++) {
      const answer = await visit(anaCode, `10.1.${Math.floor(i / 250)}.${i % 250}`);
      if (answer.status === 201) created++;
      else if (answer.status === 429) refused++;
    }
    expect(created).toBe(WELCOME_CODES_PER_REFERRER);
    expect(refused).toBe(10);
  });

  it("a day later the network may mint again, and the stored client digests of old visits are cleared", async () => {
    const clock = { now: Date.parse("2026-03-02T10:00:00Z") };
    const timed = await testEndpoint({ trustProxy: true, clock });
    try {
      const code = (await timed.call("PUT", "/v1/customers/ana", { headers: timed.asShop, body: {} })).json.referralCode;
      const call = (visitor: string) =>
        timed.call("POST", "/v1/shops/demo/referral-visits", { body: { code, visitor }, headers: { "x-forwarded-for": "203.0.113.9" } });
      for (let i = 0; i < WELCOME_CODES_PER_NETWORK; i++) expect((await call(`visitor-${i}-abc`)).status).toBe(201);
      expect((await call("visitor-late-abc")).status).toBe(429);
      clock.now += 86_400_000 + 1000;
      expect((await call("visitor-next-day")).status).toBe(201);
      const kept = await timed.driver.read.all<{ client_network: string | null }>(
        "SELECT client_network FROM referral_visits WHERE client_network IS NOT NULL",
        [],
      );
      expect(kept).toHaveLength(1);
    } finally {
      await timed.close();
    }
  });
});
