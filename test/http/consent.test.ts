import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SHOP_ORIGIN, type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

// Contract 7.4, consent: the shopper's own switch for reminders and marketing, kept with its time and told to the shop.

const START = Date.parse("2026-11-20T10:00:00Z");
const clock = { now: START };
let e: TestEndpoint;
beforeEach(async () => {
  clock.now = START;
  e = await testEndpoint({ clock });
});
afterEach(() => e.close());

const setConsent = (customerId: string, marketing: boolean) =>
  e.call("PUT", "/v1/shops/demo/consent", { headers: { ...e.asCustomer(customerId), origin: SHOP_ORIGIN }, body: { marketing } });
const details = async (customerId: string) => (await e.call("GET", `/v1/customers/${customerId}`, { headers: e.asShop })).json;
const consentEvents = async () =>
  ((await e.call("GET", "/v1/events", { headers: e.asShop })).json.events as { type: string; data: Record<string, unknown> }[]).filter(
    (event) => event.type === "consent.changed",
  );

describe("consent from the widget", () => {
  it("is recorded with its time, shown to the shop, and sent as consent.changed; saying it again changes nothing", async () => {
    await e.call("PUT", "/v1/customers/ana", { headers: e.asShop, body: { email: "ana@example.com", marketingConsent: true } });
    clock.now += 60_000;
    const optOut = await setConsent("ana", false);
    expect(optOut.status).toBe(200);
    expect(optOut.json).toEqual({ marketingConsent: false, changedAt: new Date(clock.now).toISOString() });
    clock.now += 60_000;
    expect((await setConsent("ana", false)).json).toEqual(optOut.json);

    const shown = await details("ana");
    expect(shown.marketingConsent).toBe(false);
    expect(shown.marketingConsentAt).toBe(optOut.json.changedAt);
    expect(shown.consentHistory).toEqual([
      { marketingConsent: false, source: "widget", at: new Date(START + 60_000).toISOString() },
      { marketingConsent: true, source: "shop", at: new Date(START).toISOString() },
    ]);
    expect((await consentEvents()).map((event) => event.data)).toEqual([
      { customerId: "ana", marketingConsent: true, source: "shop", changedAt: new Date(START).toISOString() },
      { customerId: "ana", marketingConsent: false, source: "widget", changedAt: new Date(START + 60_000).toISOString() },
    ]);
    const member = (await e.call("GET", `/v1/shops/demo/widget?token=${e.token("ana")}`)).json.customer;
    expect(member).toMatchObject({ marketingConsent: false, marketingConsentAt: optOut.json.changedAt });
    // the privacy export holds the whole history
    const exported = (await e.call("GET", "/v1/customers/ana/export", { headers: e.asShop })).json;
    expect(exported.consents.map((record: { marketingConsent: boolean }) => record.marketingConsent)).toEqual([true, false]);
  });

  it("is refused without a customer token", async () => {
    const anonymous = await e.call("PUT", "/v1/shops/demo/consent", { headers: { origin: SHOP_ORIGIN }, body: { marketing: true } });
    expect(anonymous.status).toBe(401);
    const forged = await e.call("PUT", "/v1/shops/demo/consent", { headers: { authorization: "Bearer not.a.token" }, body: { marketing: true } });
    expect(forged.status).toBe(401);
    expect(await consentEvents()).toEqual([]);
    expect((await e.call("GET", "/v1/customers/ana", { headers: e.asShop })).status).toBe(404);
  });

  it("works for a shopper the endpoint has not seen yet, and the browser may send it (PUT in the CORS preflight)", async () => {
    expect((await setConsent("new-shopper", true)).json.marketingConsent).toBe(true);
    expect((await details("new-shopper")).marketingConsent).toBe(true);
    const preflight = await e.call("OPTIONS", "/v1/shops/demo/consent", {
      headers: { origin: SHOP_ORIGIN, "access-control-request-method": "PUT" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toMatch(/\bPUT\b/);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
    const elsewhere = await e.call("PUT", "/v1/shops/demo/consent", {
      headers: { ...e.asCustomer("new-shopper"), origin: "https://evil.example" },
      body: { marketing: false },
    });
    expect(elsewhere.status).toBe(403);
    expect((await details("new-shopper")).marketingConsent).toBe(true);
  });
});
