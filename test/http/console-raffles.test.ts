import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR_KEY } from "../support/endpoint.ts";
import { type ConsoleEndpoint, consoleEndpoint } from "./console-support.ts";
import { DAY } from "../../contract/time.ts";

// The console's raffles: every raffle with its entries and its draw (raffles are created and cancelled in the program).

const START = Date.parse("2026-11-20T10:00:00Z");
const clock = { now: START };
let e: ConsoleEndpoint;
const raffle = (id: string, closesIn: number) => ({
  id,
  title: { es: `Sorteo ${id}` },
  prize: { es: "Una bici" },
  entryCost: 50,
  maxEntriesPerCustomer: 3,
  opensAt: new Date(START - DAY).toISOString(),
  closesAt: new Date(START + closesIn).toISOString(),
});

beforeAll(async () => {
  e = await consoleEndpoint({ clock });
  await e.setProgram((program) => ({ ...program, raffles: [raffle("bici", DAY), raffle("patinete", 10 * DAY)] }));
  for (const customerId of ["ana", "bea"]) {
    await e.call("POST", `/v1/customers/${customerId}/adjustments`, {
      headers: e.asShop,
      body: { id: `seed-${customerId}`, points: 500, reason: "seed" },
    });
    await e.call("POST", "/v1/shops/demo/raffles/bici/entries", {
      headers: { ...e.asCustomer(customerId), "idempotency-key": `${customerId}-bici-1` },
      body: { count: customerId === "ana" ? 3 : 1 },
    });
  }
  clock.now += 2 * DAY;
  await e.call("POST", "/v1/operator/jobs/run", { headers: { authorization: `Bearer ${OPERATOR_KEY}` } });
  await e.signIn();
});
afterAll(() => e.close());

describe("console raffles", () => {
  it("lists every raffle, latest closing first, with its entries, entrants and draw", async () => {
    const list = await e.consoleCall("GET", "/raffles");
    expect(list.status).toBe(200);
    expect(list.json.raffles.map((summary: { raffle: { id: string } }) => summary.raffle.id)).toEqual(["patinete", "bici"]);
    const [open, drawn] = list.json.raffles;
    expect(open).toMatchObject({ status: "open", entries: 0, entrants: 0 });
    expect(open.seed).toBeUndefined();
    expect(drawn).toMatchObject({ status: "drawn", entries: 4, entrants: 2, drawnAt: new Date(clock.now).toISOString() });
    expect(drawn.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(["ana", "bea"]).toContain(drawn.winner.customerId);
  });

  it("shows one raffle's entries with their customers", async () => {
    const details = await e.consoleCall("GET", "/raffles/bici");
    expect(details.status).toBe(200);
    expect(details.json.entries).toHaveLength(4);
    expect(details.json.entries.filter((entry: { customerId: string }) => entry.customerId === "ana")).toHaveLength(3);
    expect(details.json.entries.map((entry: { id: string }) => entry.id)).toContain(details.json.summary.winner.entryId);
    expect((await e.consoleCall("GET", "/raffles/nope")).status).toBe(404);
    expect((await e.consoleCall("GET", "/raffles/NOT%20A%20SLUG")).status).toBe(400);
  });

  it("needs a session", async () => {
    e.signOutLocally();
    expect((await e.consoleCall("GET", "/raffles")).status).toBe(401);
    await e.signIn();
  });
});
