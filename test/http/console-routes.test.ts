import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleEndpoint, consoleEndpoint } from "./console-support.ts";

let e: ConsoleEndpoint;
beforeAll(async () => {
  e = await consoleEndpoint();
  await e.order("ana", "20.00");
  await e.signIn();
});
afterAll(() => e.close());

const program = () => e.services.shops.get("demo").then((shop) => shop?.program);
const bodies: Record<string, unknown> = {
  "PUT /theme": { accent: "#123456" },
  "PUT /program": "program",
  "POST /program/campaign-preview": { timeZone: "UTC", campaigns: [] },
  "POST /customers/ana/adjustments": { id: "adj-x", points: 5, reason: "test" },
  "PUT /install/allowed-origins": { allowedOrigins: ["https://shop.example"] },
  "POST /install/secret-key": { overlapHours: 1 },
  "POST /install/signing-secret": { overlapHours: 1 },
  "POST /marketers/invites": { email: "x@shop.example", role: "viewer" },
  "PUT /marketers/ana@shop.example": { role: "owner" },
  "PUT /session/shop": { shop: "demo" },
  "PUT /session/password": { currentPassword: "x", newPassword: "a long new password" },
};
/** Routes that work without a session: signing in and out, one-time links (the link is the credential), the preview's data (its token is). */
const open = new Set([
  "POST /session",
  "DELETE /session",
  "POST /links/lookup",
  "POST /links/accept",
  "GET /preview/:draft/v1/shops/:shop/widget",
  "GET /preview/:draft/v1/shops/:shop/widget/panel",
]);

/** Every console API route the app serves, with sample parameters. */
function routes(): [method: string, path: string][] {
  const seen = new Set<string>();
  for (const route of e.app.routes)
    if (route.path.startsWith("/v1/console/") && !["ALL", "OPTIONS"].includes(route.method))
      seen.add(`${route.method} ${route.path.replace("/v1/console", "").replace(":customerId", "ana").replace(":email", "ana@shop.example")}`);
  return [...seen].map((entry) => entry.split(" ") as [string, string]);
}
const init = async (method: string, path: string, headers: Record<string, string>) => {
  const body = bodies[`${method} ${path}`];
  return { headers, ...(method === "GET" ? {} : { body: body === "program" ? await program() : (body ?? {}) }) };
};

describe("every console route", () => {
  it("answers 401 without a session", async () => {
    const guarded = routes().filter(([method, path]) => !open.has(`${method} ${path}`));
    expect(guarded.length).toBeGreaterThan(25);
    for (const [method, path] of guarded) {
      const response = await e.call(method, `/v1/console${path}`, await init(method, path, { origin: "http://localhost" }));
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.json.error.code).toBe("unauthorized");
    }
  });

  it("answers 403 to a write from another origin, even with the session cookie", async () => {
    const writes = routes().filter(([method]) => method !== "GET");
    expect(writes.length).toBeGreaterThan(15);
    for (const [method, path] of writes) {
      const response = await e.call(method, `/v1/console${path}`, await init(method, path, { origin: "https://evil.example", cookie: e.cookie }));
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.json.error.code).toBe("forbidden");
    }
  });

  it("the cross-origin writes above changed nothing", async () => {
    expect((await e.consoleCall("GET", "/customers/ana")).status).toBe(200);
    expect((await e.consoleCall("GET", "/theme")).json.theme.accent).toBe("#0b6e4f");
    expect((await e.consoleCall("GET", "/audit")).json.entries).toEqual([]);
  });
});
