import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

// Model-based test: random sequences of orders, replays, refunds (a friend's whole refund takes the referrer's credit
// back), redemptions, adjustments, referrals and campaign changes run against the real endpoint and a tiny model of the rules; after every
// step balances, tiers and progress agree, and each balance equals the sum of its ledger entries.
const RUNS = Number(process.env.LOYALTY_MODEL_RUNS ?? 100);
const TIERS = [
  { id: "bronze", threshold: 0, multiplier: 1 },
  { id: "silver", threshold: 500, multiplier: 1.25 },
  { id: "gold", threshold: 1500, multiplier: 1.5 },
];
const REWARDS = [
  { id: "free-shipping", cost: 300 },
  { id: "five-off", cost: 500 },
  { id: "ten-percent", cost: 1000 },
];
const MEMBERS = ["ana", "bea", "cris"];

interface Model {
  members: Map<string, { balance: number; tierPoints: number; orders: number }>;
  orders: {
    id: string;
    customerId: string;
    subtotalMinor: number;
    earned: number;
    refundedMinor: number;
    reversed: number;
    /** The referrer this order credited (a friend's first order), until its whole refund takes the credit back. */
    creditedReferrer?: string;
  }[];
  keys: Map<string, { customerId: string; rewardId: string; code: string }>;
  campaign: boolean;
  friends: number;
}
interface Real {
  e: TestEndpoint;
  referralCodes: Map<string, string>;
  seq: number;
}

const member = (model: Model, id: string) => {
  let found = model.members.get(id);
  if (!found) {
    found = { balance: 0, tierPoints: 0, orders: 0 };
    model.members.set(id, found);
  }
  return found;
};
const tierOf = (tierPoints: number) => [...TIERS].reverse().find((tier) => tier.threshold <= tierPoints) ?? TIERS[0];
const earn = (subtotalMinor: number, multiplier: number) => Math.max(0, Math.floor((subtotalMinor * multiplier) / 100 + 1e-9));
const money = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;

async function placeOrder(model: Model, real: Real, customerId: string, subtotalMinor: number, extra: Record<string, unknown> = {}) {
  const state = member(model, customerId);
  const multiplier = Math.round((tierOf(state.tierPoints)?.multiplier ?? 1) * (model.campaign ? 2 : 1) * 1e6) / 1e6;
  const expected = earn(subtotalMinor, multiplier);
  const id = `o-${++real.seq}`;
  const answer = await real.e.call("POST", "/v1/orders", {
    headers: real.e.asShop,
    body: {
      id,
      customerId,
      subtotal: money(subtotalMinor),
      currency: "EUR",
      channel: real.seq % 2 ? "online" : "store",
      placedAt: new Date().toISOString(),
      ...extra,
    },
  });
  expect(answer.status).toBe(201);
  expect(answer.json.pointsEarned).toBe(expected);
  state.balance += expected;
  state.tierPoints += expected;
  state.orders++;
  model.orders.push({ id, customerId, subtotalMinor, earned: expected, refundedMinor: 0, reversed: 0 });
  return answer;
}

class Order implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly customerId: string,
    readonly subtotalMinor: number,
  ) {}
  check = () => true;
  run = async (model: Model, real: Real) => {
    await placeOrder(model, real, this.customerId, this.subtotalMinor);
  };
  toString = () => `order(${this.customerId}, ${this.subtotalMinor})`;
}

class Replay implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>) => model.orders.length > 0;
  run = async (model: Model, real: Real) => {
    const order = model.orders[this.pick % model.orders.length];
    if (!order) return;
    const before = await real.e.call("GET", `/v1/customers/${order.customerId}`, { headers: real.e.asShop });
    const replay = await real.e.call("POST", "/v1/orders", {
      headers: real.e.asShop,
      body: { id: order.id, customerId: order.customerId, subtotal: "0.01", currency: "EUR", channel: "online", placedAt: new Date().toISOString() },
    });
    expect(replay.status).toBe(409); // same id, other content
    const after = await real.e.call("GET", `/v1/customers/${order.customerId}`, { headers: real.e.asShop });
    expect(after.json.balance).toBe(before.json.balance);
  };
  toString = () => `replay(${this.pick})`;
}

class Refund implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly share: number,
  ) {}
  check = (model: Readonly<Model>) => model.orders.some((order) => order.refundedMinor < order.subtotalMinor);
  run = async (model: Model, real: Real) => {
    const open = model.orders.filter((order) => order.refundedMinor < order.subtotalMinor);
    const order = open[this.pick % open.length];
    if (!order) return;
    const amount = Math.max(1, Math.floor(((order.subtotalMinor - order.refundedMinor) * this.share) / 100));
    const target = Math.floor((order.earned * (order.refundedMinor + amount)) / order.subtotalMinor);
    const reversal = Math.max(0, target - order.reversed);
    const answer = await real.e.call("POST", `/v1/orders/${order.id}/refunds`, {
      headers: real.e.asShop,
      body: { id: `r-${++real.seq}`, amount: money(amount) },
    });
    expect(answer.status).toBe(201);
    expect(answer.json.pointsReversed).toBe(reversal);
    order.refundedMinor += amount;
    order.reversed += reversal;
    const state = member(model, order.customerId);
    state.balance -= reversal;
    state.tierPoints -= reversal;
    if (order.creditedReferrer && order.refundedMinor === order.subtotalMinor) {
      expect(answer.json.referral).toEqual({ status: "reversed", referrerPoints: 200 });
      member(model, order.creditedReferrer).balance -= 200;
      order.creditedReferrer = undefined;
    } else expect(answer.json.referral).toBeUndefined();
  };
  toString = () => `refund(${this.pick}, ${this.share}%)`;
}

class Redeem implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly customerId: string,
    readonly reward: number,
    readonly reuse: number | null,
  ) {}
  check = () => true;
  run = async (model: Model, real: Real) => {
    const previous = this.reuse === null ? undefined : [...model.keys.entries()][this.reuse % Math.max(1, model.keys.size)];
    const [key, reused] = previous ?? [`key-${++real.seq}-redeem`, undefined];
    const customerId = reused?.customerId ?? this.customerId;
    const reward = REWARDS.find((candidate) => candidate.id === reused?.rewardId) ?? REWARDS[this.reward % REWARDS.length];
    if (!reward) return;
    // a refused redemption writes nothing, not even the member's row
    const state = model.members.get(customerId) ?? { balance: 0, tierPoints: 0, orders: 0 };
    const answer = await real.e.call("POST", "/v1/shops/demo/redemptions", {
      headers: { ...real.e.asCustomer(customerId), "idempotency-key": key },
      body: { rewardId: reward.id },
    });
    if (reused) {
      expect(answer.status).toBe(201);
      expect(answer.json.code).toBe(reused.code);
      return;
    }
    if (state.balance >= reward.cost) {
      expect(answer.status).toBe(201);
      state.balance -= reward.cost;
      expect(answer.json.balance).toBe(state.balance);
      model.keys.set(key, { customerId, rewardId: reward.id, code: answer.json.code });
    } else {
      expect(answer.status).toBe(422);
      expect(answer.json.error.code).toBe("insufficient_points");
    }
  };
  toString = () => `redeem(${this.customerId}, ${this.reward}, reuse ${this.reuse})`;
}

class Adjust implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly customerId: string,
    readonly points: number,
  ) {}
  check = () => true;
  run = async (model: Model, real: Real) => {
    const answer = await real.e.call("POST", `/v1/customers/${this.customerId}/adjustments`, {
      headers: real.e.asShop,
      body: { id: `adj-${++real.seq}`, points: this.points, reason: "model" },
    });
    expect(answer.status).toBe(201);
    member(model, this.customerId).balance += this.points;
  };
  toString = () => `adjust(${this.customerId}, ${this.points})`;
}

class Campaign implements fc.AsyncCommand<Model, Real> {
  constructor(readonly on: boolean) {}
  check = () => true;
  run = async (model: Model, real: Real) => {
    const day = 86_400_000;
    await real.e.setProgram((program) => ({
      ...program,
      campaigns: this.on
        ? [
            {
              id: "double",
              kind: "range",
              name: { es: "Dobles" },
              multiplier: 2,
              startsAt: new Date(Date.now() - day).toISOString(),
              endsAt: new Date(Date.now() + day).toISOString(),
            },
          ]
        : [],
    }));
    model.campaign = this.on;
  };
  toString = () => `campaign(${this.on})`;
}

class Referral implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly referrer: string,
    readonly subtotalMinor: number,
  ) {}
  check = () => true;
  run = async (model: Model, real: Real) => {
    let code = real.referralCodes.get(this.referrer);
    if (!code) {
      code = (await real.e.call("PUT", `/v1/customers/${this.referrer}`, { headers: real.e.asShop, body: {} })).json.referralCode as string;
      real.referralCodes.set(this.referrer, code);
      member(model, this.referrer);
    }
    const friend = `friend-${++model.friends}`;
    const answer = await placeOrder(model, real, friend, this.subtotalMinor, { referralCode: code });
    expect(answer.json.referral).toEqual({ status: "credited", referrerPoints: 200 });
    member(model, this.referrer).balance += 200;
    const placed = model.orders.at(-1);
    if (placed) placed.creditedReferrer = this.referrer;
  };
  toString = () => `referral(${this.referrer})`;
}

async function checkAgreement(model: Model, real: Real) {
  for (const [id, state] of model.members) {
    const details = await real.e.call("GET", `/v1/customers/${id}`, { headers: real.e.asShop });
    expect(details.json.balance).toBe(state.balance);
    expect(details.json.tierPoints).toBe(state.tierPoints);
    expect(details.json.tier?.id).toBe(tierOf(state.tierPoints)?.id);
    const next = REWARDS.filter((reward) => reward.cost > state.balance).sort((a, b) => a.cost - b.cost)[0];
    expect(details.json.nextReward).toEqual(next ? { rewardId: next.id, cost: next.cost, missing: next.cost - Math.max(0, state.balance) } : null);
  }
  expect(await real.e.ledgerMismatches()).toEqual([]);
}

/** Runs a step, then checks the endpoint still agrees with the model. */
class Checked implements fc.AsyncCommand<Model, Real> {
  constructor(readonly step: fc.AsyncCommand<Model, Real>) {}
  check = (model: Readonly<Model>) => this.step.check(model);
  run = async (model: Model, real: Real) => {
    await this.step.run(model, real);
    await checkAgreement(model, real);
  };
  toString = () => this.step.toString();
}

const member$ = fc.constantFrom(...MEMBERS);
const commands = [
  fc.tuple(member$, fc.integer({ min: 0, max: 60_000 })).map(([id, minor]) => new Order(id, minor)),
  fc.nat().map((pick) => new Replay(pick)),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 100 })).map(([pick, share]) => new Refund(pick, share)),
  fc.tuple(member$, fc.nat(), fc.option(fc.nat(), { nil: null })).map(([id, reward, reuse]) => new Redeem(id, reward, reuse)),
  fc
    .tuple(
      member$,
      fc.integer({ min: -400, max: 400 }).filter((points) => points !== 0),
    )
    .map(([id, points]) => new Adjust(id, points)),
  fc.boolean().map((on) => new Campaign(on)),
  fc.tuple(member$, fc.integer({ min: 100, max: 20_000 })).map(([id, minor]) => new Referral(id, minor)),
];

describe("the ledger against a model of the rules", () => {
  it("agrees with the model after every step of random sequences", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.commands(
          commands.map((command) => command.map((step) => new Checked(step))),
          { maxCommands: 30 },
        ),
        async (sequence) => {
          const e = await testEndpoint();
          await e.setProgram((program) => ({ ...program, referral: { ...program.referral, weeklyCap: 1000 } }));
          const model: Model = { members: new Map(), orders: [], keys: new Map(), campaign: false, friends: 0 };
          const real: Real = { e, referralCodes: new Map(), seq: 0 };
          try {
            await fc.asyncModelRun(() => ({ model, real }), sequence);
          } finally {
            await e.close();
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 300_000);
});
