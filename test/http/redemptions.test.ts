import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

let e: TestEndpoint;
beforeEach(async () => {
  e = await testEndpoint();
  await e.call("POST", "/v1/customers/ana/adjustments", { headers: e.asShop, body: { id: "seed", points: 1000, reason: "seed" } });
});
afterEach(async () => {
  expect(await e.ledgerMismatches()).toEqual([]);
  await e.close();
});

const redeem = (rewardId: string, key: string, customer = "ana") =>
  e.call("POST", "/v1/shops/demo/redemptions", { headers: { ...e.asCustomer(customer), "idempotency-key": key }, body: { rewardId } });
const balanceOf = async (customerId: string) => (await e.call("GET", `/v1/customers/${customerId}`, { headers: e.asShop })).json.balance as number;

describe("POST /v1/shops/:shop/redemptions", () => {
  it("spends the points and answers a unique, unguessable code at once", async () => {
    const first = await redeem("five-off", "attempt-0001");
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ rewardId: "five-off", balance: 500 });
    expect(first.json.code).toMatch(/^PR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const daysValid = (Date.parse(first.json.expiresAt) - Date.now()) / 86_400_000;
    expect(Math.round(daysValid)).toBe(30);
    const second = await redeem("five-off", "attempt-0002");
    expect(second.json.code).not.toBe(first.json.code);
    expect(second.json.balance).toBe(0);
  });

  it("answers the same key with the same code and never spends twice", async () => {
    const first = await redeem("five-off", "retry-key-01");
    const retry = await redeem("five-off", "retry-key-01");
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await balanceOf("ana")).toBe(500);
    const otherReward = await redeem("free-shipping", "retry-key-01");
    expect(otherReward.status).toBe(409);
    expect(otherReward.json.error.message).toBe("this Idempotency-Key was used for another reward");
  });

  it("never lets concurrent redemptions spend the same points", async () => {
    const attempts = await Promise.all(Array.from({ length: 12 }, (_, i) => redeem("free-shipping", `parallel-${i}-key`)));
    const issued = attempts.filter((attempt) => attempt.status === 201);
    expect(issued).toHaveLength(3);
    expect(new Set(issued.map((attempt) => attempt.json.code)).size).toBe(3);
    expect(attempts.filter((attempt) => attempt.status === 422).every((attempt) => attempt.json.error.code === "insufficient_points")).toBe(true);
    expect(await balanceOf("ana")).toBe(100);
  });

  it("issues one code for concurrent retries of one key", async () => {
    const attempts = await Promise.all(Array.from({ length: 8 }, () => redeem("free-shipping", "same-key-burst")));
    expect(new Set(attempts.map((attempt) => attempt.json.code)).size).toBe(1);
    expect(await balanceOf("ana")).toBe(700);
  });

  it("says plainly when points are missing and changes nothing", async () => {
    const poor = await redeem("free-shipping", "poor-key-001", "bea");
    expect(poor.status).toBe(422);
    expect(poor.json.error).toEqual({ code: "insufficient_points", message: "this reward costs 300 points and the balance is 0" });
    // the failed attempt rolled back whole: not even the customer row was written
    expect((await e.call("GET", "/v1/customers/bea", { headers: e.asShop })).status).toBe(404);
  });

  it("refuses rewards of another tier and unknown rewards", async () => {
    await e.setProgram((program) => ({
      ...program,
      rewards: [
        ...program.rewards,
        { id: "gold-gift", kind: "free_product", product: "Tote bag", cost: 100, title: { es: "Bolsa" }, tiers: ["gold"], codeValidityDays: 10 },
      ],
    }));
    expect((await redeem("gold-gift", "tier-key-001")).json.error.code).toBe("reward_unavailable");
    expect((await redeem("no-such-reward", "tier-key-002")).json.error.code).toBe("reward_unavailable");
    expect(await balanceOf("ana")).toBe(1000);
  });

  it("needs a customer token and an Idempotency-Key", async () => {
    const anonymous = await e.call("POST", "/v1/shops/demo/redemptions", {
      headers: { "idempotency-key": "anon-key-01" },
      body: { rewardId: "five-off" },
    });
    expect(anonymous.status).toBe(401);
    const keyless = await e.call("POST", "/v1/shops/demo/redemptions", { headers: e.asCustomer("ana"), body: { rewardId: "five-off" } });
    expect(keyless.status).toBe(400);
    expect(keyless.json.error.message).toMatch(/Idempotency-Key/);
    expect(await balanceOf("ana")).toBe(1000);
  });
});
