import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OPERATOR_KEY, type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

let e: TestEndpoint;
beforeEach(async () => {
  e = await testEndpoint();
});
afterEach(async () => {
  await e.close();
});

const validOrder = { id: "o-1", customerId: "ana", subtotal: "10.00", currency: "EUR", channel: "online", placedAt: "2026-01-01T10:00:00Z" };
const ledgerRows = async () => (await e.driver.read.one<{ n: number }>("SELECT COUNT(*) AS n FROM ledger"))?.n;

describe("bad input always gets a clear JSON 4xx and changes nothing", () => {
  it("malformed JSON, wrong content type, oversized body", async () => {
    const malformed = await e.call("POST", "/v1/orders", { headers: { ...e.asShop, "content-type": "application/json" }, raw: '{"id": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe("invalid_json");
    const form = await e.call("POST", "/v1/orders", { headers: { ...e.asShop, "content-type": "application/x-www-form-urlencoded" }, raw: "id=1" });
    expect(form.status).toBe(415);
    const huge = await e.call("POST", "/v1/orders", { headers: e.asShop, body: { ...validOrder, pad: "x".repeat(70_000) } });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe("payload_too_large");
    expect(await ledgerRows()).toBe(0);
  });

  it("names each invalid field", async () => {
    const bad = await e.call("POST", "/v1/orders", {
      headers: e.asShop,
      body: { ...validOrder, subtotal: 10.5, channel: "phone", placedAt: "yesterday" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("invalid_request");
    expect(bad.json.error.message).toMatch(/subtotal/);
    expect(bad.json.error.message).toMatch(/channel/);
    expect(bad.json.error.message).toMatch(/placedAt/);
    const extra = await e.call("POST", "/v1/orders", { headers: e.asShop, body: { ...validOrder, points: 1_000_000 } });
    expect(extra.status).toBe(400);
    for (const subtotal of ["-5.00", "NaN", "1e9", "99999999999.00", ""])
      expect((await e.call("POST", "/v1/orders", { headers: e.asShop, body: { ...validOrder, subtotal } })).status).toBe(400);
    expect(await ledgerRows()).toBe(0);
  });

  it("unknown routes and ids", async () => {
    expect((await e.call("GET", "/v1/nothing")).json).toEqual({ error: { code: "not_found", message: "no route GET /v1/nothing" } });
    expect((await e.call("GET", "/v1/customers/nobody", { headers: e.asShop })).status).toBe(404);
    expect((await e.call("GET", `/v1/customers/${"x".repeat(200)}`, { headers: e.asShop })).status).toBe(400);
    expect((await e.call("GET", "/v1/discount-codes/NOPE", { headers: e.asShop })).status).toBe(404);
  });
});

describe("keys", () => {
  it("shop routes need the shop's secret key; a customer token or signing secret is not one", async () => {
    expect((await e.call("GET", "/v1/program")).status).toBe(401);
    expect((await e.call("GET", "/v1/program", { headers: { authorization: "Bearer sk_wrong" } })).status).toBe(401);
    expect((await e.call("GET", "/v1/program", { headers: e.asCustomer("ana") })).status).toBe(401);
    expect((await e.call("GET", "/v1/program", { headers: { authorization: `Bearer ${e.signingSecret}` } })).status).toBe(401);
  });

  it("one shop's key reaches only its own data", async () => {
    const other = await e.call("POST", "/v1/operator/shops", {
      headers: { authorization: `Bearer ${OPERATOR_KEY}` },
      body: { id: "other", name: "Other", allowedOrigins: [], defaultLocale: "en", currency: "USD" },
    });
    await e.order("ana", "10.00");
    const asOther = { authorization: `Bearer ${other.json.secretKey}` };
    expect((await e.call("GET", "/v1/customers/ana", { headers: asOther })).status).toBe(404);
    expect((await e.call("POST", "/v1/orders/o-1/refunds", { headers: asOther, body: { id: "r", amount: "1.00" } })).status).toBe(404);
    const theirs = await e.call("POST", "/v1/orders", { headers: asOther, body: { ...validOrder, currency: "USD" } });
    expect(theirs.json.pointsEarned).toBe(10);
    expect((await e.call("GET", "/v1/customers/ana", { headers: e.asShop })).json.balance).toBe(10);
    // a token signed for another shop is refused
    const crossToken = await e.call("GET", `/v1/shops/other/widget?token=${e.token("ana")}`);
    expect(crossToken.status).toBe(200);
    expect(crossToken.json.customer).toBeNull();
    expect(crossToken.json.sessionError.code).toBe("unauthorized");
    const crossActivity = await e.call("GET", "/v1/shops/other/activity", { headers: e.asCustomer("ana") });
    expect(crossActivity.status).toBe(401);
  });

  it("the operator API needs the operator key and refuses duplicates", async () => {
    const body = { id: "demo", name: "Again", allowedOrigins: [], defaultLocale: "es", currency: "EUR" };
    expect((await e.call("POST", "/v1/operator/shops", { body })).status).toBe(401);
    expect((await e.call("POST", "/v1/operator/shops", { headers: { authorization: "Bearer nope" }, body })).status).toBe(401);
    expect((await e.call("POST", "/v1/operator/shops", { headers: { authorization: `Bearer ${OPERATOR_KEY}` }, body })).status).toBe(409);
    const invalid = await e.call("POST", "/v1/operator/shops", {
      headers: { authorization: `Bearer ${OPERATOR_KEY}` },
      body: { ...body, id: "Bad Id", currency: "euro", allowedOrigins: ["javascript:alert(1)"], timeZone: "Mars/Olympus" },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.message).toMatch(/id/);
  });
});

describe("program and theme", () => {
  it("validates the program with the same schema and refuses contradictions", async () => {
    const program = (await e.call("GET", "/v1/program", { headers: e.asShop })).json;
    const twice = await e.call("PUT", "/v1/program", { headers: e.asShop, body: { ...program, rewards: [program.rewards[0], program.rewards[0]] } });
    expect(twice.status).toBe(400);
    expect(twice.json.error.message).toMatch(/used twice/);
    const backwards = await e.call("PUT", "/v1/program", {
      headers: e.asShop,
      body: {
        ...program,
        campaigns: [{ id: "x", kind: "range", name: {}, multiplier: 2, startsAt: "2026-02-01T00:00:00Z", endsAt: "2026-01-01T00:00:00Z" }],
      },
    });
    expect(backwards.json.error.message).toMatch(/ends before it starts/);
    expect((await e.call("GET", "/v1/program", { headers: e.asShop })).json).toEqual(program);
  });

  it("accepts only CSS colours and px lengths, and flags low contrast", async () => {
    for (const accent of ["red;}body{display:none", "url(javascript:x)", "expression(alert(1))", "#12345"])
      expect((await e.call("PUT", "/v1/theme", { headers: e.asShop, body: { accent } })).status).toBe(400);
    expect((await e.call("PUT", "/v1/theme", { headers: e.asShop, body: { radius: "1rem" } })).status).toBe(400);
    const pale = await e.call("PUT", "/v1/theme", { headers: e.asShop, body: { accent: "#f5f5a0", programName: "<img src=x onerror=alert(1)>" } });
    expect(pale.status).toBe(200);
    expect(pale.json.theme.programName).toBe("<img src=x onerror=alert(1)>");
    expect(pale.json.warnings[0]).toMatchObject({ code: "low_contrast" });
    const widget = await e.call("GET", "/v1/shops/demo/widget");
    expect(widget.json.theme.accent).toBe("#f5f5a0");
  });
});
