import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import type { SqlValue } from "../../server/storage/driver.ts";
import { orderPlans } from "../../server/storage/order-plans.ts";
import { testPostgresUrl } from "../support/database.ts";
import { type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

// On PostgreSQL every statement is a round trip over the network: an order without a referral takes two (its facts with its
// reward codes, then its plan applied in one statement), and falls back to the transactional path whenever that cannot be
// right.

let e: TestEndpoint;
afterEach(async () => {
  expect(await e.ledgerMismatches()).toEqual([]);
  await e.close();
});

/** The statements sent to PostgreSQL while `work` runs (a pool sends each through one of its clients). */
async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    sent.push(String(typeof args[0] === "string" ? args[0] : (args[0] as { text?: string })?.text));
    return (query as (...given: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = query;
  }
  return sent;
}

/** Places an order, with what it answered and the statements it sent. */
async function placeCounted(body: object) {
  let answer: Awaited<ReturnType<TestEndpoint["call"]>> | undefined;
  const sent = await statementsDuring(async () => {
    answer = await e.call("POST", "/v1/orders", { headers: e.asShop, body });
  });
  return { answer: answer as Awaited<ReturnType<TestEndpoint["call"]>>, sent };
}

/** Every one of orders placed at once was counted once: each answered a balance of its own, and the last is `balance`. */
async function expectEachCounted(answers: { status: number; json: { balance: number } }[], customerId: string, balance: number) {
  expect(answers.map((answer) => answer.status)).toEqual(Array(answers.length).fill(201));
  expect((await e.call("GET", `/v1/customers/${customerId}`, { headers: e.asShop })).json.balance).toBe(balance);
  expect(new Set(answers.map((answer) => answer.json.balance)).size).toBe(answers.length);
}

const orderOf = (id: string, customerId: string, subtotal: string) => ({
  id,
  customerId,
  subtotal,
  currency: "EUR",
  channel: "online",
  discountCodes: [],
  placedAt: new Date().toISOString(),
});

/** A reward code redeemed by `customerId` (who is given the points for it first). */
async function rewardCodeOf(customerId: string, key = "1") {
  await e.call("POST", `/v1/customers/${customerId}/adjustments`, {
    headers: e.asShop,
    body: { id: `gift-${customerId}-${key}`, points: 300, reason: "gift" },
  });
  const redeemed = await e.call("POST", "/v1/shops/demo/redemptions", {
    headers: { ...e.asCustomer(customerId), "idempotency-key": `key-${customerId}-${key}` },
    body: { rewardId: "free-shipping" },
  });
  expect(redeemed.status).toBe(201);
  return redeemed.json.code as string;
}

const lookUp = async (code: string) => (await e.call("GET", `/v1/discount-codes/${code}`, { headers: e.asShop })).json;
const walletOf = async (customerId: string) =>
  (await e.call("GET", `/v1/shops/demo/widget?token=${e.token(customerId)}`)).json.customer.wallet.map((entry: { code: string }) => entry.code);

describe.skipIf(!testPostgresUrl)("orders on PostgreSQL", () => {
  it("a member's order without codes takes two round trips, and its replay answers the same", async () => {
    e = await testEndpoint();
    await e.order("ana", "10.00"); // the member exists and the shop is cached
    const order = orderOf("two-trips", "ana", "42.50");
    const { answer, sent } = await placeCounted(order);
    expect(sent).toHaveLength(2);
    expect(sent.some((text) => text.startsWith("BEGIN"))).toBe(false);
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ customerId: "ana", pointsEarned: 42, balance: 52, discountCodes: [], referral: null });
    // the replay goes through the transactional path and answers the stored answer
    const replay = await e.call("POST", "/v1/orders", { headers: e.asShop, body: order });
    expect([replay.status, replay.headers.get("idempotent-replayed"), replay.json]).toEqual([201, "true", answer.json]);
    expect((await e.call("POST", "/v1/orders", { headers: e.asShop, body: { ...order, subtotal: "1.00" } })).status).toBe(409);
  });

  it("orders of one member at once all count, once each: a plan another order made stale falls back", async () => {
    e = await testEndpoint();
    await e.order("bea", "1.00");
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => e.call("POST", "/v1/orders", { headers: e.asShop, body: orderOf(`many-${i}`, "bea", "10.00") })),
    );
    await expectEachCounted(answers, "bea", 121);
  });

  it("orders of several members that arrive together share the two round trips, each counted once", async () => {
    e = await testEndpoint();
    const members = Array.from({ length: 12 }, (_, index) => `shared-${index}`);
    for (const id of members) await e.order(id, "1.00");
    let answers: Awaited<ReturnType<TestEndpoint["call"]>>[] = [];
    const sent = await statementsDuring(async () => {
      answers = await Promise.all(
        members.map((id, index) =>
          e.call("POST", "/v1/orders", { headers: e.asShop, body: orderOf(`shared-order-${index}`, id, `${10 + index}.00`) }),
        ),
      );
    });
    expect(answers.map((answer) => [answer.status, answer.json.pointsEarned, answer.json.balance])).toEqual(
      members.map((_, index) => [201, 10 + index, 11 + index]),
    );
    // one statement read the twelve orders' facts, one applied their twelve plans
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain("loyalty_record_orders");
    for (const [index, id] of members.entries())
      expect((await e.call("GET", `/v1/customers/${id}`, { headers: e.asShop })).json.balance).toBe(11 + index);
  });

  it("an order waiting for a member's row another transaction holds does not hold up the orders of other members", async () => {
    e = await testEndpoint();
    const others = Array.from({ length: 5 }, (_, index) => `free-${index}`);
    for (const id of ["held", ...others]) await e.order(id, "1.00");
    let release = () => {};
    let holderPid = 0;
    const holding = e.driver.transaction(async (tx) => {
      holderPid = Number((await tx.one<{ pid: number }>("SELECT pg_backend_pid() AS pid"))?.pid);
      await tx.one("SELECT id FROM customers WHERE id = ? FOR UPDATE", ["held"]);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    while (!holderPid) await new Promise((resolve) => setTimeout(resolve, 5));
    let heldSettled = false;
    const held = e.call("POST", "/v1/orders", { headers: e.asShop, body: orderOf("waits", "held", "20.00") }).finally(() => {
      heldSettled = true;
    });
    // its plan's statement is waiting for the row
    const waiting = async () =>
      Number(
        (await e.driver.read.one<{ n: number }>("SELECT count(*) AS n FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))", [holderPid]))?.n,
      );
    while ((await waiting()) === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const answers = await Promise.all(
      others.map((id, index) => e.call("POST", "/v1/orders", { headers: e.asShop, body: orderOf(`meanwhile-${index}`, id, "10.00") })),
    );
    expect(answers.map((answer) => [answer.status, answer.json.balance])).toEqual(others.map(() => [201, 11]));
    expect(heldSettled).toBe(false);
    release();
    await holding;
    const answer = await held;
    expect([answer.status, answer.json.balance]).toEqual([201, 21]);
  });

  it("one order id for two members among orders that arrive together: one records it, the other is refused, the rest count", async () => {
    e = await testEndpoint();
    const members = Array.from({ length: 6 }, (_, index) => `twice-${index}`);
    for (const id of members) await e.order(id, "1.00");
    // the second use of the id fails the batch's statement on the orders' key, which undoes it: each plan is applied alone
    let answers: Awaited<ReturnType<TestEndpoint["call"]>>[] = [];
    const sent = await statementsDuring(async () => {
      answers = await Promise.all([
        e.call("POST", "/v1/orders", { headers: e.asShop, body: orderOf("one-id", "twice-0", "30.00") }),
        ...members.slice(2).map((id, index) => e.call("POST", "/v1/orders", { headers: e.asShop, body: orderOf(`other-${index}`, id, "5.00") })),
        e.call("POST", "/v1/orders", { headers: e.asShop, body: orderOf("one-id", "twice-1", "30.00") }),
      ]);
    });
    expect(sent.filter((text) => text.includes("loyalty_record_orders("))).toHaveLength(1);
    expect(sent.filter((text) => text.includes("loyalty_record_order("))).toHaveLength(6);
    const pair = [answers[0], answers[5]] as Awaited<ReturnType<TestEndpoint["call"]>>[];
    expect(pair.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const recorded = pair.find((answer) => answer.status === 201)?.json;
    const refused = recorded.customerId === "twice-0" ? "twice-1" : "twice-0";
    expect(recorded).toMatchObject({ orderId: "one-id", pointsEarned: 30, balance: 31 });
    expect((await e.call("GET", `/v1/customers/${recorded.customerId}`, { headers: e.asShop })).json.balance).toBe(31);
    expect((await e.call("GET", `/v1/customers/${refused}`, { headers: e.asShop })).json.balance).toBe(1);
    expect(answers.slice(1, 5).map((answer) => [answer.status, answer.json.balance])).toEqual(Array(4).fill([201, 6]));
  });

  it("a member's order with her own reward code takes two round trips: applied, used by the order, out of her wallet", async () => {
    e = await testEndpoint();
    await e.order("ana", "10.00");
    const code = await rewardCodeOf("ana");
    expect(await walletOf("ana")).toEqual([code]); // the member's view is kept: the order must touch her
    const order = { ...orderOf("with-code", "ana", "40.00"), discountCodes: [` ${code.toLowerCase()} `] };
    const { answer, sent } = await placeCounted(order);
    expect(sent).toHaveLength(2);
    expect(sent.some((text) => text.startsWith("BEGIN"))).toBe(false);
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ pointsEarned: 40, balance: 50, discountCodes: [{ code, status: "applied" }], referral: null });
    expect(await lookUp(code)).toMatchObject({ status: "used", usedByOrder: "with-code" });
    expect(await walletOf("ana")).toEqual([]);

    // the same code again: already used, on the same two round trips, and nothing more is written to it
    const again = await placeCounted({ ...order, id: "code-again" });
    expect(again.sent).toHaveLength(2);
    expect(again.answer.json.discountCodes).toEqual([{ code, status: "already_used" }]);
    expect((await lookUp(code)).usedByOrder).toBe("with-code");
  });

  it("someone else's code is not for this customer and stays usable by its owner; an unknown code is unknown", async () => {
    e = await testEndpoint();
    await e.order("carla", "10.00");
    const code = await rewardCodeOf("bea");
    const { answer, sent } = await placeCounted({ ...orderOf("carla-tries", "carla", "20.00"), discountCodes: [code, "PR-NONE-OF-THIS-SHOP"] });
    expect(sent).toHaveLength(2);
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      pointsEarned: 20,
      balance: 30,
      discountCodes: [
        { code, status: "not_for_this_customer" },
        { code: "PR-NONE-OF-THIS-SHOP", status: "unknown" },
      ],
    });
    expect(await lookUp(code)).toMatchObject({ status: "usable", usedByOrder: null });
    expect(await walletOf("bea")).toEqual([code]);
  });

  it("an expired code is expired, as of the order's placedAt", async () => {
    const clock = { now: Date.parse("2026-05-04T10:00:00Z") };
    e = await testEndpoint({ clock });
    const code = await rewardCodeOf("ana");
    clock.now += 31 * 86_400_000; // free shipping's code is valid for 30 days
    await e.call("GET", "/v1/customers/ana", { headers: e.asShop }); // the shop is cached again
    const late = { ...orderOf("late", "ana", "10.00"), discountCodes: [code], placedAt: new Date(clock.now).toISOString() };
    const { answer, sent } = await placeCounted(late);
    expect(sent).toHaveLength(2);
    expect(answer.json.discountCodes).toEqual([{ code, status: "expired" }]);
    // an order placed while the code was valid, reported late, still uses it
    const placedBefore = { ...late, id: "placed-before", placedAt: new Date(clock.now - 2 * 86_400_000).toISOString() };
    expect((await e.call("POST", "/v1/orders", { headers: e.asShop, body: placedBefore })).json.discountCodes).toEqual([{ code, status: "applied" }]);
    expect((await lookUp(code)).usedByOrder).toBe("placed-before");
  });

  it("orders of one member at once with the same code: exactly one applies it, and every order counts", async () => {
    e = await testEndpoint();
    await e.order("bea", "1.00");
    const code = await rewardCodeOf("bea");
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        e.call("POST", "/v1/orders", { headers: e.asShop, body: { ...orderOf(`race-${i}`, "bea", "10.00"), discountCodes: [code] } }),
      ),
    );
    await expectEachCounted(answers, "bea", 121);
    const statuses = answers.map((answer) => answer.json.discountCodes[0].status);
    expect(statuses.filter((status) => status === "applied")).toHaveLength(1);
    expect(statuses.filter((status) => status === "already_used")).toHaveLength(11);
    const winner = answers.find((answer) => answer.json.discountCodes[0].status === "applied")?.json.orderId;
    expect(await lookUp(code)).toMatchObject({ status: "used", usedByOrder: winner });
  });

  it("the replay of an order with a code answers the first answer and leaves the code as it was", async () => {
    e = await testEndpoint();
    await e.order("ana", "10.00");
    const code = await rewardCodeOf("ana");
    const order = { ...orderOf("replayed", "ana", "25.00"), discountCodes: [code] };
    const first = await e.call("POST", "/v1/orders", { headers: e.asShop, body: order });
    expect(first.json.discountCodes).toEqual([{ code, status: "applied" }]);
    const replay = await e.call("POST", "/v1/orders", { headers: e.asShop, body: { ...order, discountCodes: [code.toLowerCase()] } });
    expect([replay.status, replay.headers.get("idempotent-replayed"), replay.json]).toEqual([201, "true", first.json]);
    expect((await e.call("POST", "/v1/orders", { headers: e.asShop, body: { ...order, discountCodes: [] } })).status).toBe(409);
    expect(await lookUp(code)).toMatchObject({ status: "used", usedByOrder: "replayed" });
    expect((await e.call("GET", "/v1/customers/ana", { headers: e.asShop })).json.balance).toBe(35);
  });

  it("the plan's statement writes nothing when a code it uses was used meanwhile, even with the customer unchanged", async () => {
    e = await testEndpoint();
    await e.order("ana", "10.00");
    const code = await rewardCodeOf("ana");
    const versionOf = async () => Number((await e.driver.read.one("SELECT version FROM customers WHERE shop_id = 'demo' AND id = 'ana'"))?.version);
    const now = Date.now();
    const planOf = async (id: string) => ({
      shopId: "demo",
      at: now,
      customer: { id: "ana", version: await versionOf(), balanceDelta: 0, pendingDelta: 0, tierPoints: 0, tierPointsCurrent: false, earnedAt: null },
      order: {
        id,
        subtotalMinor: 0,
        currency: "EUR",
        channel: "online",
        placedAt: now,
        pointsEarned: 0,
        pointsPerUnit: 1,
        multiplier: 1,
        tierId: null,
        campaignId: null,
        requestHash: id,
        result: "{}",
      },
      ledger: null,
      events: [],
      codes: [{ code, ownerId: "ana" }],
    });
    // someone else's use of the code that did not touch the customer (no path does so; the statement checks the code itself)
    const stale = await planOf("late-for-the-code");
    await e.driver.read.run("UPDATE codes SET used_by_order = 'elsewhere' WHERE shop_id = 'demo' AND code = ?", [code]);
    expect(await orderPlans.record(e.driver.read, stale)).toBe("stale");
    expect(await e.driver.read.one("SELECT id FROM orders WHERE shop_id = 'demo' AND id = 'late-for-the-code'")).toBeUndefined();
    expect(await versionOf()).toBe(stale.customer.version);
    // the same plan with the code unused is applied: the code used by it, the customer touched once more for the code
    await e.driver.read.run("UPDATE codes SET used_by_order = NULL WHERE shop_id = 'demo' AND code = ?", [code]);
    expect(await orderPlans.record(e.driver.read, stale)).toBe("ok");
    expect(await lookUp(code)).toMatchObject({ status: "used", usedByOrder: "late-for-the-code" });
    expect(await versionOf()).toBe(stale.customer.version + 2);
  });

  it("plans written together write what each plan alone writes, with ids in the plans' order, and nothing of a stale one", async () => {
    e = await testEndpoint();
    const together = ["t-ana", "t-bea", "t-carl", "t-dora"];
    const alone = ["a-ana", "a-bea", "a-carl", "a-dora"];
    const first = new Date(Date.now() - 86_400_000).toISOString();
    for (const id of [...together, ...alone]) await e.order(id, "1.00", { id: `${id}-first`, placedAt: first });
    const versionOf = async (id: string) =>
      Number((await e.driver.read.one("SELECT version FROM customers WHERE shop_id = 'demo' AND id = ?", [id]))?.version);
    const at = Date.now();
    // four kinds: points available now; points held, tier points added to the kept ones, two webhooks' messages; a plan
    // made from an old version (stale); an order without points, ledger entry or event
    const planOf = async (id: string, kind: number) => {
      const points = kind === 3 ? 0 : 10 + kind;
      const held = kind === 1;
      return {
        shopId: "demo",
        at: at + kind,
        customer: {
          id,
          version: (await versionOf(id)) - (kind === 2 ? 1 : 0),
          balanceDelta: held ? 0 : points,
          pendingDelta: held ? points : 0,
          tierPoints: 20 + kind,
          tierPointsCurrent: kind !== 1,
          earnedAt: points > 0 ? at + 1000 : null,
        },
        order: {
          id: `${id}-order`,
          subtotalMinor: 1000 * points,
          currency: "EUR",
          channel: kind === 0 ? "store" : "online",
          placedAt: at - 3_600_000,
          pointsEarned: points,
          pointsPerUnit: 1,
          multiplier: kind === 1 ? 1.5 : 1,
          tierId: kind === 1 ? "silver" : null,
          campaignId: null,
          requestHash: `hash-${kind}`,
          result: JSON.stringify({ kind }),
        },
        ledger: points > 0 ? { points, pendingUntil: held ? at + 14 * 86_400_000 : null } : null,
        codes: [],
        events:
          points > 0
            ? [
                {
                  type: "points.earned",
                  data: JSON.stringify({ points, kind }),
                  deliveries: kind === 1 ? [1, 2].map((n) => ({ webhookId: `hook-${n}`, messageId: `msg_${id}_${n}` })) : [],
                },
                ...(kind === 1 ? [{ type: "tier.changed", data: JSON.stringify({ tierId: "silver" }), deliveries: [] }] : []),
              ]
            : [],
      };
    };
    const plansOf = (ids: string[]) => Promise.all(ids.map((id, kind) => planOf(id, kind)));
    const outcomes = await e.driver.read.one<{ outcomes: string }>("SELECT loyalty_record_orders_together(CAST(? AS jsonb))::text AS outcomes", [
      JSON.stringify(await plansOf(together)),
    ]);
    expect(JSON.parse(String(outcomes?.outcomes))).toEqual(["ok", "ok", "stale", "ok"]);
    const alonePlans = await plansOf(alone);
    const aloneOutcomes: string[] = [];
    for (const plan of alonePlans) aloneOutcomes.push(await orderPlans.record(e.driver.read, plan));
    expect(aloneOutcomes).toEqual(["ok", "ok", "stale", "ok"]);

    // what a plan wrote (its member's row, its order, ledger entry, events and their messages), its member's id made alike
    const rowsOf = async (id: string) => {
      const alike = (rows: Record<string, unknown>[]) => JSON.parse(JSON.stringify(rows).replaceAll(id, "member"));
      const read = (sql: string, ...params: SqlValue[]) => e.driver.read.all(sql, [...params]).then(alike);
      return {
        customer: await read(
          `SELECT balance, pending, version, orders_count, joined_at, tier_points, last_earned_at FROM customers
           WHERE shop_id = 'demo' AND id = ?`,
          id,
        ),
        orders: await read("SELECT * FROM orders WHERE shop_id = 'demo' AND id = ?", `${id}-order`),
        ledger: await read(
          `SELECT shop_id, customer_id, kind, points, cause_type, cause_id, order_id, reward_id, reason, created_at, occurred_at,
             pending_until FROM ledger WHERE shop_id = 'demo' AND cause_id = ?`,
          `${id}-order`,
        ),
        events: await read(
          "SELECT shop_id, type, customer_id, data, created_at FROM events WHERE shop_id = 'demo' AND customer_id = ? AND created_at >= ? ORDER BY id",
          id,
          at,
        ),
        deliveries: await read(
          `SELECT d.shop_id, d.webhook_id, d.message_id, d.status, d.attempts, d.next_attempt_at, d.created_at, v.type AS event_type
           FROM webhook_deliveries d JOIN events v ON v.id = d.event_id WHERE v.shop_id = 'demo' AND v.customer_id = ? ORDER BY d.id`,
          id,
        ),
      };
    };
    for (const [kind, id] of together.entries()) expect(await rowsOf(id), id).toEqual(await rowsOf(alone[kind] as string));
    const written = await rowsOf("t-bea");
    expect(written.customer[0]).toMatchObject({ balance: 1, pending: 11, tier_points: 22, orders_count: 2, joined_at: Date.parse(first) });
    expect(written.ledger).toHaveLength(1);
    expect(written.deliveries.map((row: { webhook_id: string; event_type: string }) => [row.webhook_id, row.event_type])).toEqual([
      ["hook-1", "points.earned"],
      ["hook-2", "points.earned"],
    ]);
    // nothing of the stale plan was written
    expect(await rowsOf("t-carl")).toMatchObject({
      orders: [],
      ledger: [],
      events: [],
      customer: [{ orders_count: 1, version: await versionOf("a-carl") }],
    });
    // ids in the plans' order: ledger entries and events of ana, then bea, then dora
    const order = async (table: "ledger" | "events") =>
      (
        await e.driver.read.all<{ customer_id: string }>(
          `SELECT customer_id FROM ${table} WHERE shop_id = 'demo' AND customer_id LIKE 't-%' AND created_at >= ? ORDER BY id`,
          [at],
        )
      ).map((row) => row.customer_id);
    expect(await order("ledger")).toEqual(["t-ana", "t-bea"]);
    expect(await order("events")).toEqual(["t-ana", "t-bea", "t-bea"]);
  });
});

describe.skipIf(!testPostgresUrl)("the boot request on PostgreSQL", () => {
  it("checks the versions of the members whose requests arrive together in one statement, and still sees every change", async () => {
    e = await testEndpoint();
    const members = Array.from({ length: 12 }, (_, index) => `boot-${index}`);
    for (const id of members)
      await e.call("POST", `/v1/customers/${id}/adjustments`, { headers: e.asShop, body: { id: `${id}-start`, points: 100, reason: "x" } });
    const boots = () =>
      Promise.all(members.map(async (id) => (await e.call("GET", `/v1/shops/demo/widget?view=boot&token=${e.token(id)}`)).json.customer.balance));
    expect(await boots()).toEqual(Array(12).fill(100));
    // the members' views are kept: twelve requests at once ask one statement whether they still hold
    let balances: number[] = [];
    const sent = await statementsDuring(async () => {
      balances = await boots();
    });
    expect(balances).toEqual(Array(12).fill(100));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("jsonb_array_elements_text");
    // a change to one of them is seen by the next request, among the others'
    await e.call("POST", "/v1/customers/boot-5/adjustments", { headers: e.asShop, body: { id: "boot-5-more", points: 30, reason: "x" } });
    expect(await boots()).toEqual(members.map((id) => (id === "boot-5" ? 130 : 100)));
  });
});
