import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signCustomerToken } from "../../server/sdk/sign-customer-token.js";
import { type ConsoleEndpoint, consoleEndpoint } from "./console-support.ts";
import { HOUR } from "../../contract/time.ts";

let e: ConsoleEndpoint;
const clock = { now: Date.parse("2025-03-03T09:00:00Z") };
beforeAll(async () => {
  e = await consoleEndpoint({ clock });
  await e.signIn();
});
afterAll(() => e.close());

const backendStatus = (secretKey: string) =>
  e.call("GET", "/v1/program", { headers: { authorization: `Bearer ${secretKey}` } }).then((r) => r.status);
/** Whether a token signed with the secret is taken: "member", or "refused" (the widget's boot request answers the guest view then). */
const widgetStatus = (signingSecret: string) => {
  const token = signCustomerToken({ signingSecret, shop: "demo", customerId: "ana", issuedAt: Math.floor(clock.now / 1000) });
  return e
    .call("GET", `/v1/shops/demo/widget?token=${token}`)
    .then((r) => (r.status === 200 && r.json.customer ? "member" : r.json.sessionError?.code === "unauthorized" ? "refused" : r.status));
};

describe("console install", () => {
  it("shows the snippet to paste and the allowed origins, never a key", async () => {
    const response = await e.consoleCall("GET", "/install");
    expect(response.status).toBe(200);
    expect(response.json.snippet).toBe('<script async src="http://localhost/loyalty.js" data-shop="demo" data-customer-token="TOKEN"></script>');
    expect(response.json.allowedOrigins).toEqual(["https://shop.example"]);
    expect(JSON.stringify(response.json)).not.toContain(e.secretKey);
    expect(JSON.stringify(response.json)).not.toContain(e.signingSecret);
  });

  it("edits the allowed origins, checked like the operator API", async () => {
    const saved = await e.consoleCall("PUT", "/install/allowed-origins", {
      body: { allowedOrigins: ["https://shop.example", "https://www.shop.example"] },
    });
    expect(saved.json.allowedOrigins).toEqual(["https://shop.example", "https://www.shop.example"]);
    const widget = await e.call("GET", "/v1/shops/demo/widget", { headers: { origin: "https://www.shop.example" } });
    expect(widget.status).toBe(200);
    expect((await e.consoleCall("PUT", "/install/allowed-origins", { body: { allowedOrigins: ["javascript:alert(1)"] } })).status).toBe(400);
  });

  it("tells which sites load the widget (allowed or not) and whether orders arrive", async () => {
    expect((await e.consoleCall("GET", "/install/checklist")).json).toMatchObject({ latestOrder: null, ordersLastDay: 0 });
    await e.call("GET", "/v1/shops/demo/widget", { headers: { origin: "https://shop.example" } });
    await e.call("GET", "/v1/shops/demo/widget", { headers: { origin: "https://staging.shop.example" } });
    // the console's own preview is not the shop's site
    await e.call("GET", "/v1/shops/demo/widget", { headers: { origin: "http://localhost" } });
    await e.order("ana", "12.00", { placedAt: new Date(clock.now - 3_600_000).toISOString() });
    await expect
      .poll(async () => (await e.consoleCall("GET", "/install/checklist")).json.widgetSeen.map((seen: { origin: string }) => seen.origin))
      .toContain("https://staging.shop.example");
    const checklist = (await e.consoleCall("GET", "/install/checklist")).json;
    expect(checklist.widgetSeen.map((seen: { origin: string }) => seen.origin)).not.toContain("http://localhost");
    expect(checklist.widgetSeen).toEqual(
      expect.arrayContaining([
        { origin: "https://shop.example", allowed: true, lastSeenAt: new Date(clock.now).toISOString() },
        { origin: "https://staging.shop.example", allowed: false, lastSeenAt: new Date(clock.now).toISOString() },
      ]),
    );
    expect(checklist.latestOrder).toEqual({ placedAt: new Date(clock.now - 3_600_000).toISOString(), recordedAt: new Date(clock.now).toISOString() });
    expect(checklist.ordersLastDay).toBe(1);
  });

  it("writes a sighting at most once a minute per origin, off the boot request's path", async () => {
    const writes = await e.driver.read.one<{ n: number }>("SELECT COUNT(*) AS n FROM widget_origins");
    for (let i = 0; i < 20; i++) await e.call("GET", "/v1/shops/demo/widget", { headers: { origin: "https://shop.example" } });
    const row = await e.driver.read.one<{ last_seen_at: number }>("SELECT last_seen_at FROM widget_origins WHERE origin = 'https://shop.example'");
    expect(row?.last_seen_at).toBe(clock.now);
    expect((await e.driver.read.one<{ n: number }>("SELECT COUNT(*) AS n FROM widget_origins"))?.n).toBe(writes?.n);
  });

  it("rotates the secret key: old and new both work during the overlap, then only the new one", async () => {
    const rotated = await e.consoleCall("POST", "/install/secret-key", { body: { overlapHours: 24 } });
    expect(rotated.status).toBe(201);
    const { secretKey, previousValidUntil } = rotated.json;
    expect(previousValidUntil).toBe(new Date(clock.now + 24 * HOUR).toISOString());
    expect(await backendStatus(e.secretKey)).toBe(200);
    expect(await backendStatus(secretKey)).toBe(200);
    expect((await e.consoleCall("GET", "/install")).json.retiringSecretKeys).toEqual([{ validUntil: previousValidUntil }]);
    clock.now += 24 * HOUR + 1;
    expect(await backendStatus(e.secretKey)).toBe(401);
    expect(await backendStatus(secretKey)).toBe(200);
    await e.signIn(); // the console session lasts 12 hours
  });

  it("rotates the signing secret: tokens signed with either work during the overlap, then only the new one", async () => {
    const rotated = await e.consoleCall("POST", "/install/signing-secret", { body: { overlapHours: 2 } });
    expect(rotated.status).toBe(201);
    const { signingSecret } = rotated.json;
    expect(await widgetStatus(e.signingSecret)).toBe("member");
    expect(await widgetStatus(signingSecret)).toBe("member");
    expect((await e.consoleCall("GET", "/install")).json.signingSecrets.count).toBe(2);
    clock.now += 2 * HOUR + 1;
    expect(await widgetStatus(e.signingSecret)).toBe("refused");
    expect(await widgetStatus(signingSecret)).toBe("member");
    expect((await e.consoleCall("GET", "/install")).json.signingSecrets).toEqual({ count: 1, retiring: [] });
  });

  it("refuses an overlap outside 1–720 hours", async () => {
    expect((await e.consoleCall("POST", "/install/secret-key", { body: { overlapHours: 0 } })).status).toBe(400);
  });
});
