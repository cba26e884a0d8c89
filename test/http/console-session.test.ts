import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/http/app.ts";
import { type ConsoleEndpoint, CONSOLE_ORIGIN, consoleEndpoint, MARKETER } from "./console-support.ts";

let e: ConsoleEndpoint;
const clock = { now: Date.parse("2025-03-04T10:00:00Z") };
beforeEach(async () => {
  e = await consoleEndpoint({ clock });
});
afterEach(() => e.close());

describe("console sign-in", () => {
  it("signs in with the right password and sets an HttpOnly, SameSite=Strict cookie on path /", async () => {
    const response = await e.signIn();
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ email: MARKETER.email, shop: { id: "demo", timeZone: "Europe/Madrid" }, role: "owner" });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect((await e.consoleCall("GET", "/session")).json.email).toBe(MARKETER.email);
  });

  it("marks the cookie Secure when the endpoint is served over https (PUBLIC_URL or a trusted proxy)", async () => {
    const base = { rateLimit: false, log: () => {} };
    for (const [config, headers] of [
      [{ ...base, trustProxy: false, publicUrl: "https://loyalty.example" }, { origin: "https://loyalty.example" }],
      [
        { ...base, trustProxy: true },
        { origin: "https://loyalty.example", "x-forwarded-proto": "https", "x-forwarded-host": "loyalty.example" },
      ],
    ] as const) {
      const app = createApp(e.services, config);
      const response = await app.request("/v1/console/session", {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify(MARKETER),
      });
      expect(response.status).toBe(201);
      expect(response.headers.get("set-cookie")).toMatch(/; Secure/);
    }
  });

  it("refuses a wrong password, an unknown email and another shop with one 401", async () => {
    for (const wrong of [{ password: "not the password" }, { email: "bob@shop.example" }, { shop: "other" }]) {
      const response = await e.signIn(wrong);
      expect(response.status).toBe(401);
      expect(response.json.error.code).toBe("unauthorized");
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });

  it("is rate-limited per email after five failures, and the right password waits too", async () => {
    for (let attempt = 0; attempt < 5; attempt++) expect((await e.signIn({ password: `guess ${attempt}` })).status).toBe(401);
    const limited = await e.signIn();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    clock.now += 16 * 60_000;
    expect((await e.signIn()).status).toBe(201);
  });

  it("is rate-limited per IP across emails", async () => {
    for (let attempt = 0; attempt < 30; attempt++) await e.signIn({ email: `someone${attempt}@shop.example` });
    expect((await e.signIn()).status).toBe(429);
  });

  it("refuses a sign-in posted from another origin (login CSRF)", async () => {
    const response = await e.call("POST", "/v1/console/session", { headers: { origin: "https://evil.example" }, body: MARKETER });
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe("forbidden");
  });

  it("accepts Sec-Fetch-Site: same-origin when no Origin is sent, and refuses a write with neither", async () => {
    const sameSite = await e.call("POST", "/v1/console/session", { headers: { "sec-fetch-site": "same-origin" }, body: MARKETER });
    expect(sameSite.status).toBe(201);
    const crossSite = await e.call("POST", "/v1/console/session", { headers: { "sec-fetch-site": "cross-site" }, body: MARKETER });
    expect(crossSite.status).toBe(403);
    expect((await e.call("POST", "/v1/console/session", { body: MARKETER })).status).toBe(403);
  });

  it("signs out: the session ends on the server, not only in the browser", async () => {
    await e.signIn();
    const cookie = e.cookie;
    const out = await e.consoleCall("DELETE", "/session");
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const again = await e.call("GET", "/v1/console/session", { headers: { cookie } });
    expect(again.status).toBe(401);
  });

  it("expires sessions after 12 hours", async () => {
    await e.signIn();
    clock.now += 12 * 3_600_000 + 1;
    expect((await e.consoleCall("GET", "/session")).status).toBe(401);
  });

  it("answers 401 to a forged or missing session cookie", async () => {
    expect((await e.call("GET", "/v1/console/session")).status).toBe(401);
    expect((await e.call("GET", "/v1/console/session", { headers: { cookie: "loyalty_console=forged" } })).status).toBe(401);
  });

  it("stores only a hash of the password and of the session id", async () => {
    await e.signIn();
    const marketer = await e.driver.read.one<{ password_hash: string }>("SELECT password_hash FROM console_accounts");
    expect(marketer?.password_hash).toMatch(/^scrypt\$/);
    expect(marketer?.password_hash).not.toContain(MARKETER.password);
    const session = await e.driver.read.one<{ id_hash: string }>("SELECT id_hash FROM console_sessions");
    expect(e.cookie).not.toContain(session?.id_hash ?? "none");
    expect(CONSOLE_ORIGIN).toBe("http://localhost");
  });
});
