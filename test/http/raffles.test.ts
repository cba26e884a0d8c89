import { afterEach, describe, expect, it } from "vitest";
import { type Program, type Raffle, WidgetBoot } from "../../contract/index.ts";
import { DAY, HOUR } from "../../contract/time.ts";
import { OPERATOR_KEY, type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

// Contract 7.4, raffles: entering with points, the committed seed, the draw at closesAt, cancellations and their refunds.

const START = Date.parse("2026-11-20T10:00:00Z");
/** Every test starts at START: raffles are written relative to it, before the endpoint starts. */
const clock = { now: START };
let e: TestEndpoint;

async function start(raffles: Raffle[], extra: Partial<Program> = {}) {
  e = await testEndpoint({ clock });
  await e.setProgram((program) => ({ ...program, ...extra, raffles }));
}
afterEach(async () => {
  expect(await e.ledgerMismatches()).toEqual([]);
  await e.close();
  clock.now = START;
});

const at = (offset: number) => new Date(clock.now + offset).toISOString();
const raffle = (overrides: Partial<Raffle> = {}): Raffle => ({
  id: "navidad",
  title: { es: "Sorteo de Navidad", en: "Christmas raffle" },
  prize: { es: "Una cesta de productos", en: "A hamper" },
  entryCost: 100,
  maxEntriesPerCustomer: 5,
  opensAt: at(-HOUR),
  closesAt: at(DAY),
  ...overrides,
});
const gift = (customerId: string, points: number) =>
  e.call("POST", `/v1/customers/${customerId}/adjustments`, {
    headers: e.asShop,
    body: { id: `gift-${customerId}-${points}`, points, reason: "gift" },
  });
const enter = (customerId: string, count: number, key: string, raffleId = "navidad") =>
  e.call("POST", `/v1/shops/demo/raffles/${raffleId}/entries`, { headers: { ...e.asCustomer(customerId), "idempotency-key": key }, body: { count } });
const balanceOf = async (customerId: string) => (await e.call("GET", `/v1/customers/${customerId}`, { headers: e.asShop })).json.balance as number;
const draw = async (raffleId = "navidad") => (await e.call("GET", `/v1/raffles/${raffleId}`, { headers: e.asShop })).json;
const runJobs = async () => (await e.call("POST", "/v1/operator/jobs/run", { headers: { authorization: `Bearer ${OPERATOR_KEY}` } })).json;
const member = async (customerId: string) => (await e.call("GET", `/v1/shops/demo/widget?token=${e.token(customerId)}`)).json;

// The draw recomputed without the endpoint's code: WebCrypto instead of node:crypto's createHash and createHmac.
const hex = (buffer: ArrayBuffer) => Buffer.from(buffer).toString("hex");
const seedBytes = (seed: string) => Uint8Array.from(seed.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
async function independentCommitment(seed: string) {
  return hex(await crypto.subtle.digest("SHA-256", seedBytes(seed)));
}
async function independentWinner(seed: string, entryIds: string[]) {
  const key = await crypto.subtle.importKey("raw", seedBytes(seed), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const tickets = await Promise.all(
    entryIds.map(async (id) => ({ id, ticket: hex(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(id))) })),
  );
  tickets.sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0));
  return tickets[0]?.id;
}

describe("the draw", () => {
  it("publishes the commitment before anyone can enter, reveals the seed at closesAt, and the winner is recomputable", async () => {
    await start([raffle({ opensAt: at(HOUR), closesAt: at(DAY), prizeCode: { kind: "amount_off", amount: "20", validityDays: 30 } })]);
    const before = await draw();
    expect(before).toMatchObject({ id: "navidad", status: "upcoming", entries: [] });
    expect(before.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(before.seed).toBeUndefined();
    const guest = (await e.call("GET", "/v1/shops/demo/widget")).json;
    expect(guest.program.raffles).toEqual([
      expect.objectContaining({ id: "navidad", status: "upcoming", entryCost: 100, maxEntriesPerCustomer: 5, commitment: before.commitment }),
    ]);
    for (const customerId of ["ana", "bea", "carla"]) await gift(customerId, 1000);
    expect((await enter("ana", 1, "too-early-1")).json.error.code).toBe("raffle_not_open");

    clock.now += 2 * HOUR;
    expect((await enter("ana", 3, "ana-entry-01")).status).toBe(201);
    expect((await enter("bea", 1, "bea-entry-01")).status).toBe(201);
    expect((await enter("carla", 5, "carla-entry-1")).status).toBe(201);
    const open = await draw();
    expect(open).toMatchObject({ status: "open", commitment: before.commitment });
    expect(open.entries).toHaveLength(9);
    expect((await runJobs()).raffles.drawn).toBe(0);

    clock.now += DAY;
    expect((await enter("bea", 1, "bea-entry-02")).json.error.code).toBe("raffle_not_open");
    expect((await runJobs()).raffles).toEqual({ drawn: 1, refundedEntries: 0, refundedPoints: 0 });
    expect((await runJobs()).raffles.drawn).toBe(0);
    const result = await draw();
    expect(result.status).toBe("drawn");
    expect(result.commitment).toBe(before.commitment);
    expect(result.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(await independentCommitment(result.seed)).toBe(result.commitment);
    expect(result.entries.map((entry: { id: string }) => entry.id).sort()).toEqual(open.entries.map((entry: { id: string }) => entry.id).sort());
    const winnerId = await independentWinner(
      result.seed,
      result.entries.map((entry: { id: string }) => entry.id),
    );
    expect(result.winner.entryId).toBe(winnerId);
    const winner = result.winner.customerId as string;
    expect(result.entries.find((entry: { id: string }) => entry.id === winnerId).customerId).toBe(winner);

    // the winner gets a code of their own, and the shop is told
    const events = (await e.call("GET", "/v1/events", { headers: e.asShop })).json.events;
    expect(events.filter((event: { type: string }) => event.type === "raffle.won")).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ raffleId: "navidad", customerId: winner, entryId: winnerId, prizeCode: result.winner.prizeCode }),
      }),
    ]);
    const mine = (await member(winner)).customer;
    expect(mine.raffles).toEqual([
      expect.objectContaining({ raffleId: "navidad", won: true, prizeCode: expect.objectContaining({ code: result.winner.prizeCode }) }),
    ]);
    expect(mine.wallet.map((code: { code: string }) => code.code)).toContain(result.winner.prizeCode);
    const loser = ["ana", "bea", "carla"].find((id) => id !== winner) as string;
    expect((await member(loser)).customer.raffles[0].won).toBe(false);
    const checkout = await e.call("GET", `/v1/discount-codes/${result.winner.prizeCode}?customerId=${loser}`, { headers: e.asShop });
    expect(checkout.json).toMatchObject({ kind: "reward", status: "not_for_this_customer", offer: { kind: "amount_off", amount: "20" } });
    const payload = await member(loser);
    expect(payload.program.raffles[0]).toMatchObject({ status: "drawn", seed: result.seed, winningEntryId: winnerId });
  });

  it("the boot answer says each raffle in words, in the shopper's language and the program's time zone, from upcoming to drawn", async () => {
    await start([raffle({ opensAt: at(HOUR), closesAt: at(DAY) }), raffle({ id: "verano", opensAt: at(-HOUR), closesAt: at(2 * DAY) })]);
    const boot = async (locale: string, customerId?: string) =>
      (await e.call("GET", `/v1/shops/demo/widget?view=boot&locale=${locale}${customerId ? `&token=${e.token(customerId)}` : ""}`)).json;
    const words = (answer: { raffles: { id: string; when: string; terms: string }[] }) =>
      Object.fromEntries(answer.raffles.map((item) => [item.id, [item.terms, item.when]]));
    // START is 10:00 UTC, 11:00 in Madrid
    expect(words(await boot("es"))).toEqual({
      navidad: ["Premio: Una cesta de productos. 100 puntos por participación, hasta 5 por persona.", "Abre el 20 de noviembre a las 12:00"],
      verano: ["Premio: Una cesta de productos. 100 puntos por participación, hasta 5 por persona.", "Cierra el 22 de noviembre a las 11:00"],
    });
    expect(words(await boot("en")).navidad).toEqual([
      "Prize: A hamper. 100 points per entry, up to 5 per person.",
      "Opens on November 20 at 12:00 PM",
    ]);
    await gift("ana", 300);
    clock.now += 2 * HOUR;
    expect((await enter("ana", 2, "ana-entry-01")).status).toBe(201);
    const mine = await boot("es", "ana");
    expect(words(mine).navidad?.[1]).toBe("Cierra el 21 de noviembre a las 11:00");
    expect(mine.customer.raffles).toEqual([
      expect.objectContaining({ raffleId: "navidad", entryIds: [expect.any(String), expect.any(String)], won: false }),
    ]);
    clock.now += DAY;
    expect(words(await boot("es")).navidad?.[1]).toBe("Cerrado: el sorteo se hace en breve");
    await runJobs();
    const drawn = await boot("es", "ana");
    expect(words(drawn).navidad?.[1]).toBe("Sorteado el 21 de noviembre a las 13:00");
    expect(drawn.customer.raffles[0].won).toBe(true);
    expect(WidgetBoot.safeParse(drawn).success).toBe(true);
  });

  it("anyone may check a draw without a token: entry ids, no customers", async () => {
    await start([raffle()]);
    await gift("ana", 500);
    await enter("ana", 2, "ana-entry-01");
    const open = await e.call("GET", "/v1/shops/demo/raffles/navidad", { headers: { origin: "https://shop.example" } });
    expect(open.status).toBe(200);
    expect(open.json.entries).toHaveLength(2);
    expect(JSON.stringify(open.json)).not.toContain("ana");
    clock.now += 2 * DAY;
    await runJobs();
    const drawn = (await e.call("GET", "/v1/shops/demo/raffles/navidad")).json;
    expect(drawn.winner.entryId).toBe(
      await independentWinner(
        drawn.seed,
        drawn.entries.map((entry: { id: string }) => entry.id),
      ),
    );
    expect((await e.call("GET", "/v1/shops/demo/raffles/nope")).status).toBe(404);
  });

  it("a raffle nobody entered is drawn with no winner, and tells nobody", async () => {
    await start([raffle()]);
    clock.now += 2 * DAY;
    expect((await runJobs()).raffles.drawn).toBe(1);
    const result = await draw();
    expect(result).toMatchObject({ status: "drawn", entries: [] });
    expect(result.winner).toBeUndefined();
    expect(await independentCommitment(result.seed)).toBe(result.commitment);
    expect((await e.call("GET", "/v1/events", { headers: e.asShop })).json.events).toEqual([]);
  });

  it("two job runs at once draw once", async () => {
    await start([raffle()]);
    await gift("ana", 500);
    await enter("ana", 2, "ana-entry-01");
    clock.now += 2 * DAY;
    const runs = await Promise.all([runJobs(), runJobs(), runJobs()]);
    expect(runs.reduce((sum, run) => sum + run.raffles.drawn, 0)).toBe(1);
    const won = (await e.call("GET", "/v1/events", { headers: e.asShop })).json.events.filter(
      (event: { type: string }) => event.type === "raffle.won",
    );
    expect(won).toHaveLength(1);
  });
});

describe("entering", () => {
  it("spends entryCost per entry; the same Idempotency-Key gives the same answer and spends once", async () => {
    await start([raffle()]);
    await gift("ana", 1000);
    const first = await enter("ana", 2, "retry-key-01");
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ raffleId: "navidad", totalEntries: 2, balance: 800 });
    expect(first.json.entries).toHaveLength(2);
    const retry = await enter("ana", 2, "retry-key-01");
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json).toEqual(first.json);
    const other = await enter("ana", 1, "retry-key-01");
    expect(other.status).toBe(409);
    expect(other.json.error.message).toBe("this Idempotency-Key was used for another request");
    expect(await balanceOf("ana")).toBe(800);
    const activity = (await member("ana")).customer.activity[0];
    expect(activity).toMatchObject({ kind: "raffle_entry", points: -200, raffleId: "navidad" });
  });

  it("concurrent retries of one key buy once", async () => {
    await start([raffle()]);
    await gift("ana", 1000);
    const attempts = await Promise.all(Array.from({ length: 8 }, () => enter("ana", 3, "same-key-burst")));
    expect(attempts.every((attempt) => attempt.status === 201)).toBe(true);
    expect(new Set(attempts.map((attempt) => JSON.stringify(attempt.json))).size).toBe(1);
    expect(await balanceOf("ana")).toBe(700);
    expect((await draw()).entries).toHaveLength(3);
  });

  it("concurrent entries never spend more than the balance", async () => {
    await start([raffle({ maxEntriesPerCustomer: 100 })]);
    await gift("ana", 750);
    const attempts = await Promise.all(Array.from({ length: 16 }, (_, i) => enter("ana", 1 + (i % 3), `balance-race-${i}`)));
    const bought = attempts.filter((attempt) => attempt.status === 201).reduce((sum, attempt) => sum + attempt.json.entries.length, 0);
    expect(attempts.every((attempt) => attempt.status === 201 || attempt.json.error.code === "insufficient_points")).toBe(true);
    expect(bought).toBeGreaterThan(0);
    expect(bought * 100).toBeLessThanOrEqual(750);
    expect(await balanceOf("ana")).toBe(750 - bought * 100);
    expect((await draw()).entries).toHaveLength(bought);
  });

  it("concurrent entries never pass the per-customer maximum", async () => {
    await start([raffle({ maxEntriesPerCustomer: 7, entryCost: 10 })]);
    await gift("ana", 10_000);
    const attempts = await Promise.all(Array.from({ length: 16 }, (_, i) => enter("ana", 1 + (i % 3), `limit-race-${i}`)));
    const bought = attempts.filter((attempt) => attempt.status === 201).reduce((sum, attempt) => sum + attempt.json.entries.length, 0);
    expect(attempts.every((attempt) => attempt.status === 201 || attempt.json.error.code === "raffle_entry_limit")).toBe(true);
    expect(bought).toBeLessThanOrEqual(7);
    expect(bought).toBeGreaterThanOrEqual(5);
    expect(await balanceOf("ana")).toBe(10_000 - bought * 10);
    const again = await enter("ana", 7 - bought + 1, "limit-after-1");
    expect(again.status).toBe(422);
    expect(again.json.error.message).toMatch(/at most 7 entries per customer/);
  });

  it("pending points cannot be spent on entries", async () => {
    await start([raffle()], { pending: { days: 14 } });
    await e.order("ana", "500.00");
    const refused = await enter("ana", 1, "pending-key-1");
    expect(refused.status).toBe(422);
    expect(refused.json.error).toEqual({ code: "insufficient_points", message: "1 entries cost 100 points and the balance is 0" });
    expect((await draw()).entries).toEqual([]);
  });

  it("needs a customer token, an Idempotency-Key and a raffle that exists", async () => {
    await start([raffle()]);
    await gift("ana", 1000);
    const anonymous = await e.call("POST", "/v1/shops/demo/raffles/navidad/entries", {
      headers: { "idempotency-key": "anon-key-01" },
      body: { count: 1 },
    });
    expect(anonymous.status).toBe(401);
    expect((await e.call("POST", "/v1/shops/demo/raffles/navidad/entries", { headers: e.asCustomer("ana"), body: { count: 1 } })).status).toBe(400);
    expect((await enter("ana", 1, "unknown-raffle", "no-such")).status).toBe(404);
    expect((await enter("ana", 0, "zero-entries")).status).toBe(400);
    expect(await balanceOf("ana")).toBe(1000);
  });

  it("the browser may enter from an allowed origin (CORS preflight)", async () => {
    await start([raffle()]);
    const preflight = await e.call("OPTIONS", "/v1/shops/demo/raffles/navidad/entries", {
      headers: { origin: "https://shop.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Idempotency-Key/);
  });
});

describe("cancelling and editing", () => {
  it("cancelling refunds every entry's points once; a cancelled raffle stays cancelled", async () => {
    await start([raffle()]);
    for (const customerId of ["ana", "bea"]) await gift(customerId, 1000);
    await enter("ana", 2, "ana-entry-01");
    await enter("ana", 1, "ana-entry-02");
    await enter("bea", 4, "bea-entry-01");
    await e.setProgram((program) => ({ ...program, raffles: [raffle({ cancelled: true })] }));
    expect((await enter("bea", 1, "bea-entry-02")).json.error.code).toBe("raffle_not_open");
    const runs = await Promise.all([runJobs(), runJobs()]);
    expect(runs.reduce((sum, run) => sum + run.raffles.refundedEntries, 0)).toBe(7);
    expect(runs.reduce((sum, run) => sum + run.raffles.refundedPoints, 0)).toBe(700);
    expect((await runJobs()).raffles).toEqual({ drawn: 0, refundedEntries: 0, refundedPoints: 0 });
    expect(await balanceOf("ana")).toBe(1000);
    expect(await balanceOf("bea")).toBe(1000);
    const ledger = (await e.call("GET", "/v1/customers/ana", { headers: e.asShop })).json.ledger;
    expect(ledger.filter((entry: { kind: string }) => entry.kind === "raffle_refund")).toHaveLength(2);
    const cancelled = await draw();
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.seed).toBeUndefined();
    clock.now += 2 * DAY;
    expect((await runJobs()).raffles.drawn).toBe(0);

    const revived = await e.call("PUT", "/v1/program", {
      headers: e.asShop,
      body: { ...(await e.call("GET", "/v1/program", { headers: e.asShop })).json, raffles: [raffle()] },
    });
    expect(revived.status).toBe(422);
    expect(revived.json.error.code).toBe("raffle_locked");
    // taken out of the program once refunded, it can still be checked
    await e.setProgram((program) => ({ ...program, raffles: [] }));
    expect((await draw()).status).toBe("cancelled");
  });

  it("an open raffle's terms are fixed; its title may change; before it opens everything may change", async () => {
    await start([raffle(), raffle({ id: "primavera", opensAt: at(10 * DAY), closesAt: at(20 * DAY) })]);
    const put = (raffles: Raffle[]) =>
      e
        .call("GET", "/v1/program", { headers: e.asShop })
        .then(({ json }) => e.call("PUT", "/v1/program", { headers: e.asShop, body: { ...json, raffles } }));
    const spring = raffle({ id: "primavera", opensAt: at(10 * DAY), closesAt: at(20 * DAY) });
    const commitment = (await draw("primavera")).commitment;
    for (const change of [{ entryCost: 50 }, { maxEntriesPerCustomer: 9 }, { closesAt: at(2 * DAY) }, { prize: { es: "Otra cosa" } }]) {
      const refused = await put([raffle(change), spring]);
      expect(refused.status, JSON.stringify(change)).toBe(422);
      expect(refused.json.error.code).toBe("raffle_locked");
    }
    const removed = await put([spring]);
    expect(removed.status).toBe(422);
    expect(removed.json.error.message).toMatch(/cancelled/);
    expect((await put([raffle({ title: { es: "Gran sorteo de Navidad" } }), { ...spring, entryCost: 40, closesAt: at(30 * DAY) }])).status).toBe(200);
    expect((await e.call("GET", "/v1/shops/demo/widget")).json.program.raffles[0].title.es).toBe("Gran sorteo de Navidad");
    // the commitment never changes; a raffle taken out before it opens and put back is a new one, with a new seed
    expect((await draw("primavera")).commitment).toBe(commitment);
    expect((await put([raffle()])).status).toBe(200);
    expect((await e.call("GET", "/v1/raffles/primavera", { headers: e.asShop })).status).toBe(404);
    expect((await put([raffle(), spring])).status).toBe(200);
    expect((await draw("primavera")).commitment).not.toBe(commitment);

    const late = await put([raffle(), spring, raffle({ id: "tarde", opensAt: at(-2 * DAY), closesAt: at(-DAY) })]);
    expect(late.status).toBe(400);
    const backwards = await put([raffle({ id: "al-reves", opensAt: at(2 * DAY), closesAt: at(DAY) })]);
    expect(backwards.status).toBe(400);
    const draftIntoThePast = await put([raffle(), { ...spring, opensAt: at(-2 * DAY), closesAt: at(-DAY) }]);
    expect(draftIntoThePast.status).toBe(400);
    expect(draftIntoThePast.json.error.message).toMatch(/closesAt is in the past/);
  });

  it("a finished raffle leaves the widget 30 days after its draw", async () => {
    await start([raffle()]);
    clock.now += 2 * DAY;
    await runJobs();
    expect((await e.call("GET", "/v1/shops/demo/widget")).json.program.raffles[0].status).toBe("drawn");
    clock.now += 31 * DAY;
    expect((await e.call("GET", "/v1/shops/demo/widget")).json.program.raffles).toBeUndefined();
  });
});
