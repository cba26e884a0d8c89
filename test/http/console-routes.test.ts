import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleEndpoint, consoleEndpoint } from "./console-support.ts";

let e: ConsoleEndpoint;
beforeAll(async () => {
  e = await consoleEndpoint();
  await e.order("ana", "20.00");
  await e.signIn();
});
afterAll(() => e.close());

const program = () => e.services.shop("demo").then((shop) => shop?.program);
const routes: [method: string, path: string, body?: unknown][] = [
  ["GET", "/session"],
  ["GET", "/theme"],
  ["PUT", "/theme", { accent: "#123456" }],
  ["POST", "/theme/reset"],
  ["GET", "/program"],
  ["PUT", "/program", "program"],
  ["POST", "/program/campaign-preview", { timeZone: "UTC", campaigns: [] }],
  ["GET", "/customers?q=ana"],
  ["GET", "/customers/ana"],
  ["POST", "/customers/ana/adjustments", { id: "adj-x", points: 5, reason: "test" }],
  ["GET", "/customers/ana/export"],
  ["DELETE", "/customers/ana"],
  ["GET", "/install"],
  ["PUT", "/install/allowed-origins", { allowedOrigins: ["https://shop.example"] }],
  ["POST", "/install/secret-key", { overlapHours: 1 }],
  ["POST", "/install/signing-secret", { overlapHours: 1 }],
  ["GET", "/analytics"],
];

describe("every console route", () => {
  it.each(routes)("%s %s answers 401 without a session", async (method, path, body) => {
    const response = await e.call(method, `/v1/console${path}`, {
      headers: { origin: "http://localhost" },
      ...(body === undefined ? {} : { body: body === "program" ? await program() : body }),
    });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe("unauthorized");
  });

  it.each(routes.filter(([method]) => method !== "GET"))(
    "%s %s answers 403 to another origin, even with the session cookie",
    async (method, path, body) => {
      const response = await e.call(method, `/v1/console${path}`, {
        headers: { origin: "https://evil.example", cookie: e.cookie },
        ...(body === undefined ? {} : { body: body === "program" ? await program() : body }),
      });
      expect(response.status).toBe(403);
      expect(response.json.error.code).toBe("forbidden");
    },
  );

  it("the cross-origin writes above changed nothing", async () => {
    expect((await e.consoleCall("GET", "/customers/ana")).status).toBe(200);
    expect((await e.consoleCall("GET", "/theme")).json.theme.accent).toBe("#0b6e4f");
  });
});
