import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths } from "../../server/domain/expiry.ts";
import { OPERATOR_KEY, type TestEndpoint, testEndpoint } from "../support/endpoint.ts";
import { DAY } from "../../contract/time.ts";

// Model-based test: random sequences of orders, replays, refunds (a friend's whole refund takes the referrer's credit
// back), redemptions, adjustments, referrals, campaign changes, raffle entries (and the raffle's cancellation) and time
// passing with the jobs run (pending points released after the return window, balances of inactive members expired, the
// raffle drawn or its entries refunded) against the real endpoint and a tiny model of the rules; after every step
// balances, pending points, tiers, progress and raffle entries agree, each balance equals the sum of its available ledger
// entries, pending points are never spendable, nothing expires twice and no entry is refunded twice.
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
const PENDING_DAYS = 14;
const MONTHS_INACTIVE = 3;
/** Time passes by at most this much in one run, so that no order leaves the 365-day tier window (not modelled). */
const MAX_ELAPSED_DAYS = 300;
const RAFFLE = { id: "model", entryCost: 20, maxEntriesPerCustomer: 6, closesAfterDays: 120 };

interface Held {
  until: number;
  points: number;
  /** What the points came from: `order:<id>` or `referral:<order id>`; a later reversal of it is held with it. */
  cause: string;
}

interface MemberState {
  balance: number;
  tierPoints: number;
  orders: number;
  pending: Held[];
  lastEarnedAt?: number;
  /** The latest earning whose inactivity the expiry job has already handled. */
  expiryHandledFor?: number;
}

interface Model {
  members: Map<string, MemberState>;
  now: number;
  elapsedDays: number;
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
  /** The double-points campaign's window, if one was set up. */
  campaign: { startsAt: number; endsAt: number } | null;
  friends: number;
  raffle: {
    closesAt: number;
    cancelled: boolean;
    drawn: boolean;
    /** Entries each member holds. */
    held: Map<string, number>;
    /** Points paid per purchase, until the jobs refund a cancelled raffle's. */
    unrefunded: { customerId: string; points: number }[];
    keys: Map<string, { customerId: string; count: number; answer: unknown }>;
  };
}
interface Real {
  e: TestEndpoint;
  clock: { now: number };
  referralCodes: Map<string, string>;
  seq: number;
}

const member = (model: Model, id: string) => {
  let found = model.members.get(id);
  if (!found) {
    found = { balance: 0, tierPoints: 0, orders: 0, pending: [] };
    model.members.set(id, found);
  }
  return found;
};
const tierOf = (tierPoints: number) => [...TIERS].reverse().find((tier) => tier.threshold <= tierPoints) ?? TIERS[0];
const earn = (subtotalMinor: number, multiplier: number) => Math.max(0, Math.floor((subtotalMinor * multiplier) / 100 + 1e-9));
const money = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;

async function placeOrder(model: Model, real: Real, customerId: string, subtotalMinor: number, extra: Record<string, unknown> = {}) {
  const state = member(model, customerId);
  const multiplier =
    Math.round(
      (tierOf(state.tierPoints)?.multiplier ?? 1) *
        (model.campaign && model.campaign.startsAt <= model.now && model.now < model.campaign.endsAt ? 2 : 1) *
        1e6,
    ) / 1e6;
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
      placedAt: new Date(model.now).toISOString(),
      ...extra,
    },
  });
  expect(answer.status).toBe(201);
  expect(answer.json.pointsEarned).toBe(expected);
  // inside the return window the points are held, not spendable
  if (expected > 0) {
    state.pending.push({ until: model.now + PENDING_DAYS * DAY, points: expected, cause: `order:${id}` });
    state.lastEarnedAt = Math.max(state.lastEarnedAt ?? 0, model.now);
  }
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
      body: {
        id: order.id,
        customerId: order.customerId,
        subtotal: "0.01",
        currency: "EUR",
        channel: "online",
        placedAt: new Date(model.now).toISOString(),
      },
    });
    expect(replay.status).toBe(409); // same id, other content
    const after = await real.e.call("GET", `/v1/customers/${order.customerId}`, { headers: real.e.asShop });
    expect(after.json.balance).toBe(before.json.balance);
  };
  toString = () => `replay(${this.pick})`;
}

/** Reverses points of a cause: from the held points while they are still held, else from the balance. */
function takeBack(state: MemberState, cause: string, points: number) {
  if (points === 0) return;
  const held = state.pending.find((entry) => entry.cause === cause && entry.points > 0);
  if (held) state.pending.push({ until: held.until, points: -points, cause });
  else state.balance -= points;
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
    takeBack(state, `order:${order.id}`, reversal);
    state.tierPoints -= reversal;
    if (order.creditedReferrer && order.refundedMinor === order.subtotalMinor) {
      expect(answer.json.referral).toEqual({ status: "reversed", referrerPoints: 200 });
      takeBack(member(model, order.creditedReferrer), `referral:${order.id}`, 200);
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
    const state = model.members.get(customerId) ?? { balance: 0, tierPoints: 0, orders: 0, pending: [] };
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
    await real.e.setProgram((program) => ({
      ...program,
      campaigns: this.on
        ? [
            {
              id: "double",
              kind: "range",
              name: { es: "Dobles" },
              multiplier: 2,
              startsAt: new Date(model.now - DAY).toISOString(),
              endsAt: new Date(model.now + DAY).toISOString(),
            },
          ]
        : [],
    }));
    model.campaign = this.on ? { startsAt: model.now - DAY, endsAt: model.now + DAY } : null;
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
    const placed = model.orders.at(-1);
    // the referrer's credit is held with the friend's order
    if (placed) {
      placed.creditedReferrer = this.referrer;
      member(model, this.referrer).pending.push({ until: model.now + PENDING_DAYS * DAY, points: 200, cause: `referral:${placed.id}` });
    }
  };
  toString = () => `referral(${this.referrer})`;
}

class EnterRaffle implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly customerId: string,
    readonly count: number,
    readonly reuse: number | null,
  ) {}
  check = () => true;
  run = async (model: Model, real: Real) => {
    const { raffle } = model;
    const previous = this.reuse === null ? undefined : [...raffle.keys.entries()][this.reuse % Math.max(1, raffle.keys.size)];
    const [key, reused] = previous ?? [`key-${++real.seq}-raffle`, undefined];
    const customerId = reused?.customerId ?? this.customerId;
    const count = reused?.count ?? this.count;
    const answer = await real.e.call("POST", `/v1/shops/demo/raffles/${RAFFLE.id}/entries`, {
      headers: { ...real.e.asCustomer(customerId), "idempotency-key": key },
      body: { count },
    });
    if (reused) {
      // the stored answer, whatever happened since
      expect(answer.status).toBe(201);
      expect(answer.json).toEqual(reused.answer);
      return;
    }
    // a refused entry writes nothing, not even the member's row
    const state = model.members.get(customerId) ?? { balance: 0, tierPoints: 0, orders: 0, pending: [] };
    const held = raffle.held.get(customerId) ?? 0;
    const open = !raffle.cancelled && model.now < raffle.closesAt;
    const expected = !open
      ? "raffle_not_open"
      : held + count > RAFFLE.maxEntriesPerCustomer
        ? "raffle_entry_limit"
        : state.balance < count * RAFFLE.entryCost
          ? "insufficient_points"
          : null;
    if (expected) {
      expect(answer.status).toBe(422);
      expect(answer.json.error.code).toBe(expected);
      return;
    }
    expect(answer.status).toBe(201);
    state.balance -= count * RAFFLE.entryCost;
    expect(answer.json).toMatchObject({ totalEntries: held + count, balance: state.balance });
    raffle.held.set(customerId, held + count);
    raffle.unrefunded.push({ customerId, points: count * RAFFLE.entryCost });
    raffle.keys.set(key, { customerId, count, answer: answer.json });
  };
  toString = () => `enterRaffle(${this.customerId}, ${this.count}, reuse ${this.reuse})`;
}

/** The marketer cancels the raffle: refused once it is drawn; otherwise the next jobs give every entry's points back, once. */
class CancelRaffle implements fc.AsyncCommand<Model, Real> {
  check = (model: Readonly<Model>) => !model.raffle.cancelled;
  run = async (model: Model, real: Real) => {
    const program = (await real.e.call("GET", "/v1/program", { headers: real.e.asShop })).json;
    const answer = await real.e.call("PUT", "/v1/program", {
      headers: real.e.asShop,
      body: { ...program, raffles: program.raffles.map((raffle: object) => ({ ...raffle, cancelled: true })) },
    });
    if (model.raffle.drawn) {
      expect(answer.status).toBe(422);
      expect(answer.json.error.code).toBe("raffle_locked");
      return;
    }
    expect(answer.status).toBe(200);
    model.raffle.cancelled = true;
  };
  toString = () => "cancelRaffle()";
}

/**
 * Time passes and the jobs run: held points whose window closed are released, then inactive balances expire, once; then the
 * raffle is drawn once it has closed, or a cancelled raffle's entries are refunded.
 */
class TimePasses implements fc.AsyncCommand<Model, Real> {
  constructor(readonly days: number) {}
  check = (model: Readonly<Model>) => model.elapsedDays + this.days <= MAX_ELAPSED_DAYS;
  run = async (model: Model, real: Real) => {
    model.now += this.days * DAY;
    model.elapsedDays += this.days;
    real.clock.now = model.now;
    const report = await real.e.call("POST", "/v1/operator/jobs/run", { headers: { authorization: `Bearer ${OPERATOR_KEY}` } });
    expect(report.status).toBe(200);
    let released = 0;
    let expired = 0;
    for (const state of model.members.values()) {
      const due = state.pending.filter((entry) => entry.until <= model.now);
      state.pending = state.pending.filter((entry) => entry.until > model.now);
      for (const entry of due) state.balance += entry.points;
      released += due.reduce((sum, entry) => sum + entry.points, 0);
      // the job visits a member once per inactivity period, when the period is over
      const last = state.lastEarnedAt;
      if (last !== undefined && last <= addMonths(model.now, -MONTHS_INACTIVE) && state.expiryHandledFor !== last) {
        state.expiryHandledFor = last;
        if (state.balance > 0) {
          expired += state.balance;
          state.balance = 0;
        }
      }
    }
    expect(report.json.pendingReleased.points).toBe(released);
    expect(report.json.expired.points).toBe(expired);
    const { raffle } = model;
    let refunded = 0;
    if (raffle.cancelled)
      for (const purchase of raffle.unrefunded.splice(0)) {
        member(model, purchase.customerId).balance += purchase.points;
        refunded += purchase.points;
      }
    const draws = !raffle.cancelled && !raffle.drawn && raffle.closesAt <= model.now ? 1 : 0;
    if (draws) raffle.drawn = true;
    expect(report.json.raffles).toMatchObject({ drawn: draws, refundedPoints: refunded });
  };
  toString = () => `timePasses(${this.days} days)`;
}

async function checkAgreement(model: Model, real: Real) {
  for (const [id, state] of model.members) {
    const details = await real.e.call("GET", `/v1/customers/${id}`, { headers: real.e.asShop });
    expect(details.json.balance).toBe(state.balance);
    expect(details.json.pending).toBe(state.pending.reduce((sum, entry) => sum + entry.points, 0));
    expect(details.json.tierPoints).toBe(state.tierPoints);
    expect(details.json.tier?.id).toBe(tierOf(state.tierPoints)?.id);
    const next = REWARDS.filter((reward) => reward.cost > state.balance).sort((a, b) => a.cost - b.cost)[0];
    expect(details.json.nextReward).toEqual(
      next ? { rewardId: next.id, cost: next.cost, missing: next.cost - Math.max(0, state.balance), title: expect.any(Object) } : null,
    );
  }
  const draw = (await real.e.call("GET", `/v1/raffles/${RAFFLE.id}`, { headers: real.e.asShop })).json;
  const entriesOf = (customerId: string) => draw.entries.filter((entry: { customerId: string }) => entry.customerId === customerId).length;
  for (const [id, held] of model.raffle.held) expect(entriesOf(id), `${id}'s raffle entries`).toBe(held);
  expect(draw.status).toBe(
    model.raffle.cancelled ? "cancelled" : model.raffle.drawn ? "drawn" : model.now < model.raffle.closesAt ? "open" : "closed",
  );
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
// entering is listed three times over: sequences are short, and an entry needs points earned or given first
const enterRaffle = fc
  .tuple(member$, fc.integer({ min: 1, max: 4 }), fc.option(fc.nat(), { nil: null, freq: 4 }))
  .map(([id, count, reuse]) => new EnterRaffle(id, count, reuse));
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
  fc.integer({ min: 1, max: 60 }).map((days) => new TimePasses(days)),
  enterRaffle,
  enterRaffle,
  enterRaffle,
  fc.constant(null).map(() => new CancelRaffle()),
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
          const clock = { now: Date.parse("2026-01-05T12:00:00Z") };
          const e = await testEndpoint({ clock });
          await e.setProgram((program) => ({
            ...program,
            referral: { ...program.referral, weeklyCap: 1000 },
            pending: { days: PENDING_DAYS },
            expiry: { monthsInactive: MONTHS_INACTIVE, reminderDays: 10 },
            raffles: [
              {
                id: RAFFLE.id,
                title: { es: "Sorteo" },
                prize: { es: "Una cesta" },
                entryCost: RAFFLE.entryCost,
                maxEntriesPerCustomer: RAFFLE.maxEntriesPerCustomer,
                opensAt: new Date(clock.now - DAY).toISOString(),
                closesAt: new Date(clock.now + RAFFLE.closesAfterDays * DAY).toISOString(),
              },
            ],
          }));
          const model: Model = {
            members: new Map(),
            now: clock.now,
            elapsedDays: 0,
            orders: [],
            keys: new Map(),
            campaign: null,
            friends: 0,
            raffle: {
              closesAt: clock.now + RAFFLE.closesAfterDays * DAY,
              cancelled: false,
              drawn: false,
              held: new Map(),
              unrefunded: [],
              keys: new Map(),
            },
          };
          const real: Real = { e, clock, referralCodes: new Map(), seq: 0 };
          // every member starts with some points, so that short sequences still spend them (entries, rewards)
          for (const id of MEMBERS) {
            const gift = await e.call("POST", `/v1/customers/${id}/adjustments`, {
              headers: e.asShop,
              body: { id: `start-${id}`, points: 600, reason: "start" },
            });
            expect(gift.status).toBe(201);
            member(model, id).balance = 600;
          }
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
