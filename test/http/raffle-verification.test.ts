import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR_KEY, type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

// The verification script of docs/raffles.md, taken from the page as it is, run on a real draw and on forged ones.

const START = Date.parse("2026-11-20T10:00:00Z");
const clock = { now: START };
let e: TestEndpoint;
let script = "";

/** The script a reader copies: the first js block of the page. */
function scriptFromDocs(): string {
  const page = readFileSync("docs/raffles.md", "utf8");
  const block = page.match(/```js\n([\s\S]*?)```/);
  if (!block?.[1]) throw new Error("docs/raffles.md has no js block");
  return block[1];
}

function verify(draw: unknown) {
  const file = join(e.dir, `draw-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(draw));
  const run = spawnSync(process.execPath, [script, file], { encoding: "utf8" });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

beforeAll(async () => {
  e = await testEndpoint({ clock });
  script = join(e.dir, "verify-raffle.mjs");
  writeFileSync(script, scriptFromDocs());
  await e.setProgram((program) => ({
    ...program,
    raffles: [
      {
        id: "navidad",
        title: { es: "Sorteo" },
        prize: { es: "Una cesta" },
        entryCost: 10,
        maxEntriesPerCustomer: 10,
        opensAt: new Date(START - 1000).toISOString(),
        closesAt: new Date(START + 60_000).toISOString(),
      },
    ],
  }));
  for (const customerId of ["ana", "bea", "carla", "dani"]) {
    await e.call("POST", `/v1/customers/${customerId}/adjustments`, {
      headers: e.asShop,
      body: { id: `seed-${customerId}`, points: 100, reason: "seed" },
    });
    await e.call("POST", "/v1/shops/demo/raffles/navidad/entries", {
      headers: { ...e.asCustomer(customerId), "idempotency-key": `${customerId}-entry-1` },
      body: { count: 1 + customerId.length },
    });
  }
});
afterAll(() => e.close());

describe("the verification script in docs/raffles.md", () => {
  it("says a raffle is not drawn yet, then confirms the draw from the public route and from the shop's", async () => {
    const open = await e.call("GET", "/v1/shops/demo/raffles/navidad");
    const waiting = verify(open.json);
    expect(waiting.ok).toBe(true);
    expect(waiting.output).toContain(`not drawn yet (open): keep the commitment ${open.json.commitment}`);

    clock.now += 120_000;
    await e.call("POST", "/v1/operator/jobs/run", { headers: { authorization: `Bearer ${OPERATOR_KEY}` } });
    const drawn = (await e.call("GET", "/v1/shops/demo/raffles/navidad")).json;
    const checked = verify(drawn);
    expect(checked.output).toContain(`the seed matches the commitment; ${drawn.entries.length} entries; winning entry: ${drawn.winner.entryId}`);
    expect(checked.output).toContain("the published winner is right");
    expect(checked.ok).toBe(true);
    // as the page shows it: curl … | node verify-raffle.mjs
    const piped = spawnSync(process.execPath, [script], { input: JSON.stringify(drawn), encoding: "utf8" });
    expect(piped.stdout).toContain("the published winner is right");
    expect(verify((await e.call("GET", "/v1/raffles/navidad", { headers: e.asShop })).json).ok).toBe(true);
  });

  it("catches a seed that is not the committed one, and a winner that does not follow from it", async () => {
    const drawn = (await e.call("GET", "/v1/shops/demo/raffles/navidad")).json;
    const otherSeed = verify({ ...drawn, seed: "00".repeat(32) });
    expect(otherSeed.ok).toBe(false);
    expect(otherSeed.output).toContain("the seed is not the one committed to");
    const loser = drawn.entries.find((entry: { id: string }) => entry.id !== drawn.winner.entryId);
    const otherWinner = verify({ ...drawn, winner: { entryId: loser.id } });
    expect(otherWinner.ok).toBe(false);
    expect(otherWinner.output).toContain(`but the endpoint says ${loser.id}`);
  });
});
