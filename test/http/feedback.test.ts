import { afterEach, describe, expect, it } from "vitest";
import type { Program } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import { type ConsoleEndpoint, consoleEndpoint } from "./console-support.ts";

// Contract 7.4, post-purchase feedback: "¿Qué tal tu compra?" for the member's own order, once, earning the feedback action.

const START = Date.parse("2026-11-20T10:00:00Z");
const clock = { now: START };
let e: ConsoleEndpoint;

const opinion = { id: "opinion", kind: "feedback" as const, points: 25, limit: { count: 2, per: "month" as const }, title: { es: "Tu opinión" } };
async function start(actions: Program["actions"] = [opinion]) {
  e = await consoleEndpoint({ clock });
  await e.setProgram((program) => ({ ...program, actions }));
}
afterEach(async () => {
  expect(await e.ledgerMismatches()).toEqual([]);
  await e.close();
  clock.now = START;
});

const rate = (customerId: string, body: Record<string, unknown>) =>
  e.call("POST", "/v1/shops/demo/feedback", { headers: e.asCustomer(customerId), body });
const member = async (customerId: string) => (await e.call("GET", `/v1/shops/demo/widget?token=${e.token(customerId)}`)).json.customer;

describe("post-purchase feedback", () => {
  it("asks about the member's latest order, once; answering earns the feedback action and stops the question", async () => {
    await start();
    expect((await member("ana")).feedbackRequest).toBeNull();
    await e.order("ana", "20.00");
    clock.now += 1000;
    const latest = await e.order("ana", "30.00");
    expect((await member("ana")).feedbackRequest).toEqual({ orderId: latest.json.orderId, placedAt: new Date(clock.now).toISOString() });

    const answer = await rate("ana", { orderId: latest.json.orderId, rating: 5, comment: "  Llegó rapidísimo  " });
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({ orderId: latest.json.orderId, rating: 5, points: 25, balance: 75, createdAt: new Date(clock.now).toISOString() });
    expect((await member("ana")).feedbackRequest).toBeNull();
    expect((await member("ana")).activity[0]).toMatchObject({ kind: "action", points: 25 });

    const replay = await rate("ana", { orderId: latest.json.orderId, rating: 5, comment: "Llegó rapidísimo" });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json).toEqual(answer.json);
    const changed = await rate("ana", { orderId: latest.json.orderId, rating: 1 });
    expect(changed.status).toBe(409);
    expect(changed.json.error.message).toBe(`order "${latest.json.orderId}" has been rated already`);
    expect((await e.call("GET", "/v1/customers/ana", { headers: e.asShop })).json.balance).toBe(75);
  });

  it("refuses another customer's order exactly as an unknown one, and needs a token", async () => {
    await start();
    const bea = await e.order("bea", "40.00");
    const foreign = await rate("ana", { orderId: bea.json.orderId, rating: 1, comment: "not mine" });
    const unknown = await rate("ana", { orderId: "no-such-order", rating: 1, comment: "not mine" });
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(foreign.json.error.message.replace(bea.json.orderId, "X")).toBe(unknown.json.error.message.replace("no-such-order", "X"));
    const anonymous = await e.call("POST", "/v1/shops/demo/feedback", { body: { orderId: bea.json.orderId, rating: 5 } });
    expect(anonymous.status).toBe(401);
    expect((await rate("ana", { orderId: bea.json.orderId, rating: 6 })).status).toBe(400);
    expect((await rate("ana", { orderId: bea.json.orderId, rating: 3, comment: "a\u0000b" })).status).toBe(400);
    expect((await e.call("GET", "/v1/feedback", { headers: e.asShop })).json.feedback).toEqual([]);
    expect((await member("bea")).feedbackRequest).toEqual(expect.objectContaining({ orderId: bea.json.orderId }));
  });

  it("past the action's limit an answer still counts and earns nothing; without the action nobody is asked", async () => {
    await start();
    for (let i = 0; i < 3; i++) {
      const order = await e.order("ana", "10.00");
      const answer = await rate("ana", { orderId: order.json.orderId, rating: 4 });
      expect(answer.status).toBe(201);
      expect(answer.json.points).toBe(i < 2 ? 25 : 0);
    }
    await e.setProgram((program) => ({ ...program, actions: [] }));
    await e.order("ana", "10.00");
    expect((await member("ana")).feedbackRequest).toBeUndefined();
  });

  it("asks only about orders of the last 30 days", async () => {
    await start();
    await e.order("ana", "10.00", { placedAt: new Date(clock.now - 31 * DAY).toISOString() });
    expect((await member("ana")).feedbackRequest).toBeNull();
  });

  it("lists feedback newest first with its order, page by page, comments as the shopper wrote them", async () => {
    await start();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.now += 1000;
      const order = await e.order(`c${i}`, `${10 + i}.50`);
      ids.push(order.json.orderId);
      await rate(`c${i}`, { orderId: order.json.orderId, rating: 1 + i, comment: i === 4 ? '<b>"¡Genial!"</b>' : undefined });
    }
    const first = await e.call("GET", "/v1/feedback?limit=2", { headers: e.asShop });
    expect(first.json.feedback.map((entry: { orderId: string }) => entry.orderId)).toEqual([ids[4], ids[3]]);
    expect(first.json.feedback[0]).toEqual({
      orderId: ids[4],
      customerId: "c4",
      rating: 5,
      comment: '<b>"¡Genial!"</b>',
      points: 25,
      createdAt: new Date(clock.now).toISOString(),
      order: { placedAt: new Date(clock.now).toISOString(), subtotal: "14.50", currency: "EUR", channel: "online" },
    });
    const second = await e.call("GET", `/v1/feedback?limit=2&cursor=${first.json.nextCursor}`, { headers: e.asShop });
    const third = await e.call("GET", `/v1/feedback?limit=2&cursor=${second.json.nextCursor}`, { headers: e.asShop });
    expect([...second.json.feedback, ...third.json.feedback].map((entry: { orderId: string }) => entry.orderId)).toEqual([ids[2], ids[1], ids[0]]);
    expect(third.json.nextCursor).toBeNull();
    expect((await e.call("GET", "/v1/feedback?cursor=bm90LWEtY3Vyc29y", { headers: e.asShop })).status).toBe(400);
    expect((await e.call("GET", "/v1/feedback")).status).toBe(401);
  });

  it("the console lists feedback and exports it as CSV a spreadsheet cannot run", async () => {
    await start();
    await e.signIn();
    const order = await e.order("ana", "12.00");
    await rate("ana", { orderId: order.json.orderId, rating: 2, comment: '=HYPERLINK("http://evil.example","ver")\n"citado"' });
    const list = await e.consoleCall("GET", "/feedback");
    expect(list.status).toBe(200);
    expect(list.json.feedback).toHaveLength(1);
    const response = await e.app.request("/v1/console/feedback/export", { headers: { cookie: e.cookie, origin: "http://localhost" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="feedback-demo-2026-11-20\.csv"/);
    const bytes = Buffer.from(await response.arrayBuffer());
    // a byte order mark first, so that spreadsheets read the accents as UTF-8
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString("utf8");
    expect(csv.startsWith("createdAt,orderId,customerId,rating,comment,points,placedAt,subtotal,currency,channel\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""ver"")\n""citado"""`);
    expect(csv).toContain(`"${order.json.orderId}","ana","2"`);
    e.signOutLocally();
    expect((await e.app.request("/v1/console/feedback/export")).status).toBe(401);
  });
});
