import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

let e: TestEndpoint;
beforeEach(async () => {
  e = await testEndpoint();
});
afterEach(async () => {
  expect(await e.ledgerMismatches()).toEqual([]);
  await e.close();
});

const post = (csv: string, query = "", key: string | null = "import-key-0001") =>
  e.call("POST", `/v1/imports${query}`, {
    headers: { ...e.asShop, "content-type": "text/csv", ...(key ? { "idempotency-key": key } : {}) },
    raw: csv,
  });
const customer = async (id: string) => (await e.call("GET", `/v1/customers/${encodeURIComponent(id)}`, { headers: e.asShop })).json;
const count = async (sql: string) => Number((await e.driver.read.one<{ n: number }>(sql, []))?.n ?? 0);

const good = `customerId,email,name,points,birthday,tierPoints
c-1,ana@example.com,Ana Ruiz,120,1990-04-12,
c-2,,Bruno,0,,
"c-3","carmen@example.com","Mora, Carmen",2500,,1200
`;

describe("imports", () => {
  it("a dry run reports what would happen and writes nothing", async () => {
    const answer = await post(good, "?dryRun=1", null);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      rows: 3,
      created: 3,
      updated: 0,
      pointsAdded: 2620,
      pointsAlreadyImported: 0,
      dryRun: true,
      imported: false,
      errors: [],
    });
    expect(await count("SELECT COUNT(*) AS n FROM customers")).toBe(0);
  });

  it("imports members and balances as ledger entries of kind import, and tier points that count for tiers", async () => {
    const answer = await post(good);
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ rows: 3, created: 3, updated: 0, pointsAdded: 2620, imported: true, errors: [] });
    const ana = await customer("c-1");
    expect(ana).toMatchObject({ email: "ana@example.com", name: "Ana Ruiz", birthday: "1990-04-12", balance: 120 });
    expect(ana.ledger).toEqual([expect.objectContaining({ kind: "import", points: 120 })]);
    const carmen = await customer("c-3");
    expect(carmen).toMatchObject({ name: "Mora, Carmen", balance: 2500, tierPoints: 1200 });
    expect(carmen.tier).not.toBeNull();
    expect((await customer("c-2")).ledger).toEqual([]);
    // no email: the referral rules and the shop's emails simply have none
    expect((await customer("c-2")).email).toBeNull();
  });

  it("lists every invalid line with its number and writes nothing (all or nothing)", async () => {
    const csv = `customerId,email,name,points
ok-1,ok@example.com,Ok,10
bad id with spaces,x@example.com,X,5
ok-2,not-an-email,Y,5
ok-3,z@example.com,Z,-4
ok-4,w@example.com,W,12.5
ok-1,again@example.com,Again,1
ok-5,v@example.com,V
`;
    const answer = await post(csv);
    expect(answer.status).toBe(422);
    expect(answer.json.error.code).toBe("invalid_request");
    expect(answer.json.imported).toBe(false);
    expect(answer.json.errors).toEqual([
      { line: 3, message: expect.stringContaining("customerId") },
      { line: 4, message: expect.stringContaining('email "not-an-email"') },
      { line: 5, message: expect.stringContaining("points must be a whole number") },
      { line: 6, message: expect.stringContaining("points must be a whole number") },
      { line: 7, message: "customerId ok-1 appears again (first on line 2)" },
      { line: 8, message: "expected 4 fields, found 3" },
    ]);
    expect(await count("SELECT COUNT(*) AS n FROM customers")).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM ledger")).toBe(0);
    // with ?skipInvalid=1 the valid rows go in and the report still names the others
    const skipping = await post(csv, "?skipInvalid=1");
    expect(skipping.status).toBe(201);
    expect(skipping.json).toMatchObject({ rows: 7, created: 1, pointsAdded: 10, imported: true });
    expect(skipping.json.errors).toHaveLength(6);
    expect((await customer("ok-1")).balance).toBe(10);
  });

  it("refuses a header it does not know and a file that is not CSV, changing nothing", async () => {
    const header = await post("id,email,name,points\n1,a@example.com,A,1\n");
    expect(header.status).toBe(422);
    expect(header.json.errors).toEqual([{ line: 1, message: expect.stringContaining("the header lacks customerId") }]);
    const broken = await post('customerId,email,name,points\n"unclosed,a@example.com,A,1\n');
    expect(broken.status).toBe(422);
    expect(broken.json.errors[0].message).toMatch(/not readable as CSV/);
    const json = await e.call("POST", "/v1/imports", { headers: { ...e.asShop, "idempotency-key": "import-key-0002" }, body: { rows: [] } });
    expect(json.status).toBe(415);
    expect((await post(good, "", null)).status).toBe(400);
    expect(await count("SELECT COUNT(*) AS n FROM customers")).toBe(0);
  });

  it("is idempotent: the same key answers the first report, another file under it is a 409, and a member's balance comes in once", async () => {
    const first = await post(good);
    const replay = await post(good);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json).toEqual(first.json);
    expect((await post(`${good}c-9,,,1,,\n`)).status).toBe(409);
    // the same members again under a new key: profiles update, balances are not imported twice
    const again = await post(good.replace("Ana Ruiz", "Ana Ruiz Gil"), "", "import-key-0003");
    expect(again.json).toMatchObject({ created: 0, updated: 3, pointsAdded: 0, pointsAlreadyImported: 2 });
    expect(await customer("c-1")).toMatchObject({ name: "Ana Ruiz Gil", balance: 120 });
    expect(await count("SELECT COUNT(*) AS n FROM ledger WHERE kind = 'import'")).toBe(2);
  });

  it("updates members the shop already has, keeping what they earned", async () => {
    await e.order("c-1", "50.00");
    const answer = await post(good);
    expect(answer.json).toMatchObject({ created: 2, updated: 1 });
    expect((await customer("c-1")).balance).toBe(170);
  });
});
