import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveMarketer } from "../../server/operations/console/accounts.ts";
import { invite } from "../../server/operations/console/marketers.ts";
import { routeDocs } from "../../server/http/docs.ts";
import { type ConsoleEndpoint, consoleEndpoint, MARKETER } from "./console-support.ts";

// Roles are enforced on the server for every console route, and every change lands in the audit log. The routes are read
// from the app itself, so a route added later without a role, or without an entry here, fails these tests.

let e: ConsoleEndpoint;
let viewer: ReturnType<ConsoleEndpoint["browser"]>;
let editor: ReturnType<ConsoleEndpoint["browser"]>;
let webhookId = "";
let deliveryId = "";
beforeAll(async () => {
  e = await consoleEndpoint({ webhooks: { allowPrivate: true } });
  const webhook = await e.call("POST", "/v1/webhooks", { headers: e.asShop, body: { url: "http://127.0.0.1:9/hook", events: ["points.earned"] } });
  webhookId = webhook.json.id;
  await e.order("ana", "20.00");
  deliveryId = String((await e.driver.read.one<{ id: number }>("SELECT id FROM webhook_deliveries"))?.id);
  await e.order("bea", "30.00");
  await e.signIn();
  viewer = await e.marketer("vera@shop.example", "viewer");
  editor = await e.marketer("eddie@shop.example", "editor");
});
afterAll(() => e.close());

type Route = { method: string; path: string };
const key = ({ method, path }: Route) => `${method} ${path}`;

/** Every console API route the app serves, once each (a route's middleware registers it more than once). */
function consoleRoutes(): Route[] {
  const seen = new Map<string, Route>();
  for (const route of e.app.routes)
    if (route.path.startsWith("/v1/console/") && !["ALL", "OPTIONS"].includes(route.method))
      seen.set(key(route), { method: route.method, path: route.path });
  return [...seen.values()];
}

/** Routes any signed-in person may use whatever their role: their own session, one-time links, the preview's data. */
const forEveryone = new Set([
  "POST /v1/console/session",
  "GET /v1/console/session",
  "DELETE /v1/console/session",
  "PUT /v1/console/session/shop",
  "PUT /v1/console/session/password",
  "POST /v1/console/links/lookup",
  "POST /v1/console/links/accept",
  "GET /v1/console/preview/:draft/v1/shops/:shop/widget",
  "GET /v1/console/preview/:draft/v1/shops/:shop/widget/panel",
]);

const program = () => e.services.shops.get("demo").then((shop) => shop?.program);

/** How to make each change as an owner, and the audit action it must leave. */
const changes: Record<
  string,
  { path: string | (() => string); body?: unknown; raw?: string; headers?: Record<string, string>; action: string; before?: () => Promise<unknown> }
> = {
  "PUT /v1/console/theme": { path: "/theme", body: { accent: "#123456" }, action: "theme.saved" },
  "POST /v1/console/theme/reset": { path: "/theme/reset", action: "theme.reset" },
  "PUT /v1/console/program": { path: "/program", body: "program", action: "program.saved" },
  "POST /v1/console/customers/:customerId/adjustments": {
    path: "/customers/ana/adjustments",
    body: { id: "adj-roles", points: 5, reason: "Compensación" },
    action: "customer.adjusted",
  },
  "GET /v1/console/customers/:customerId/export": { path: "/customers/ana/export", action: "customer.exported" },
  "DELETE /v1/console/customers/:customerId": { path: "/customers/bea", action: "customer.erased" },
  "PUT /v1/console/install/allowed-origins": {
    path: "/install/allowed-origins",
    body: { allowedOrigins: ["https://shop.example", "https://www.shop.example"] },
    action: "origins.saved",
  },
  "POST /v1/console/install/secret-key": { path: "/install/secret-key", body: { overlapHours: 1 }, action: "secret_key.rotated" },
  "POST /v1/console/install/signing-secret": { path: "/install/signing-secret", body: { overlapHours: 1 }, action: "signing_secret.rotated" },
  "POST /v1/console/marketers/invites": {
    path: "/marketers/invites",
    body: { email: "nuria@shop.example", role: "editor" },
    action: "marketer.invited",
  },
  "DELETE /v1/console/marketers/invites/:email": {
    path: "/marketers/invites/olga@shop.example",
    action: "marketer.invite_revoked",
    before: async () => invite(e.services, await e.services.shops.require("demo"), MARKETER.email, "olga@shop.example", "viewer", "http://localhost"),
  },
  "PUT /v1/console/marketers/:email": {
    path: "/marketers/pablo@shop.example",
    body: { role: "editor" },
    action: "marketer.role_changed",
    before: () => saveMarketer(e.services, "demo", "pablo@shop.example", "pablo's long password", "viewer"),
  },
  "POST /v1/console/marketers/:email/reset-link": { path: "/marketers/pablo@shop.example/reset-link", action: "marketer.reset_link" },
  "DELETE /v1/console/marketers/:email": {
    path: "/marketers/quim@shop.example",
    action: "marketer.removed",
    before: () => saveMarketer(e.services, "demo", "quim@shop.example", "quim's long password", "editor"),
  },
  "POST /v1/console/imports": {
    path: "/imports",
    raw: "customerId,email,name,points\nimp-1,imp@example.com,Imported One,120\n",
    headers: { "content-type": "text/csv", "idempotency-key": "roles-import-0001" },
    action: "customers.imported",
  },
  "POST /v1/console/webhooks/:webhookId/deliveries/:deliveryId/redeliver": {
    path: () => `/webhooks/${webhookId}/deliveries/${deliveryId}/redeliver`,
    action: "webhook.redelivered",
  },
  "PUT /v1/console/session/password": {
    path: "/session/password",
    body: { currentPassword: MARKETER.password, newPassword: MARKETER.password },
    action: "password.changed",
  },
};

const docOf = (route: Route) =>
  routeDocs.find((doc) => doc.tag === "console" && doc.method.toUpperCase() === route.method && doc.path === route.path);
const sample = (path: string) =>
  path
    .replace(":customerId", "ana")
    .replace(":email", "vera@shop.example")
    .replace(":draft", "x")
    .replace(":shop", "demo")
    .replace(":webhookId", webhookId)
    .replace(":deliveryId", deliveryId)
    .replace(":raffleId", "no-raffle");
const bodyOf = async (route: Route) => {
  if (route.method === "GET") return {};
  const change = changes[key(route)];
  return { body: change?.body === "program" ? await program() : (change?.body ?? {}) };
};

describe("console roles", () => {
  it("every console route is documented with the least role it needs, or is one anybody signed in may use", () => {
    const routes = consoleRoutes();
    expect(routes.length).toBeGreaterThan(25);
    const undocumented = routes.filter((route) => !forEveryone.has(key(route)) && !docOf(route)?.role).map(key);
    expect(undocumented).toEqual([]);
  });

  it("every change has a way to make it here (a new write route needs one, and an audit entry)", () => {
    const writes = consoleRoutes().filter((route) => (route.method !== "GET" || docOf(route)?.role !== "viewer") && !forEveryone.has(key(route)));
    const missing = writes.filter((route) => docOf(route)?.role !== "viewer" && !changes[key(route)]).map(key);
    expect(missing).toEqual([]);
  });

  it("a viewer gets 403 on every route that needs more, and changes nothing", async () => {
    const before = await e.consoleCall("GET", "/audit");
    const refused = consoleRoutes().filter((route) => docOf(route)?.role === "editor" || docOf(route)?.role === "owner");
    expect(refused.length).toBeGreaterThan(12);
    for (const route of refused) {
      const response = await viewer.call(route.method, sample(route.path.replace("/v1/console", "")), await bodyOf(route));
      expect(response.status, key(route)).toBe(403);
      expect(response.json.error.code, key(route)).toBe("forbidden");
    }
    expect((await e.consoleCall("GET", "/audit")).json.entries).toEqual(before.json.entries);
    expect((await e.consoleCall("GET", "/customers/bea")).status).toBe(200);
  });

  it("an editor gets 403 on the owner's routes (keys, allowed origins, marketers) and may change the rest", async () => {
    const ownerOnly = consoleRoutes().filter((route) => docOf(route)?.role === "owner");
    expect(ownerOnly.map(key)).toEqual(expect.arrayContaining(["POST /v1/console/install/secret-key", "POST /v1/console/marketers/invites"]));
    for (const route of ownerOnly) {
      const response = await editor.call(route.method, sample(route.path.replace("/v1/console", "")), await bodyOf(route));
      expect(response.status, key(route)).toBe(403);
    }
    expect((await editor.call("PUT", "/theme", { body: { programName: "Club editado" } })).status).toBe(200);
  });

  it("a viewer reads every page's data", async () => {
    for (const path of [
      "/session",
      "/theme",
      "/theme/texts",
      "/program",
      "/customers",
      "/customers/ana",
      "/install",
      "/install/checklist",
      "/analytics",
      "/marketers",
      "/audit",
      "/webhooks",
      "/raffles",
      "/feedback",
    ])
      expect((await viewer.call("GET", path)).status, path).toBe(200);
    expect((await viewer.call("POST", "/program/campaign-preview", { body: { timeZone: "UTC", campaigns: [] } })).status).toBe(200);
  });

  it("every change lands in the audit log, with who made it", async () => {
    for (const [route, change] of Object.entries(changes)) {
      await change.before?.();
      const [method = "GET"] = route.split(" ");
      const path = typeof change.path === "function" ? change.path() : change.path;
      const response = change.raw
        ? await e.call(method, `/v1/console${path}`, {
            raw: change.raw,
            headers: { origin: "http://localhost", cookie: e.cookie, ...change.headers },
          })
        : await e.consoleCall(method, path, change.body === undefined ? {} : { body: change.body === "program" ? await program() : change.body });
      expect(response.status, route).toBeLessThan(300);
      const [latest] = (await e.consoleCall("GET", "/audit")).json.entries;
      expect(latest, route).toMatchObject({ action: change.action, actor: MARKETER.email });
    }
  });

  it("the audit log names customers by id, never with their personal data, and an erasure leaves only the pseudonym", async () => {
    await e.call("PUT", "/v1/customers/carla", { headers: e.asShop, body: { email: "carla@example.com", name: "Carla Soto" } });
    await e.consoleCall("POST", "/customers/carla/adjustments", { body: { id: "adj-carla", points: 10, reason: "Carla Soto llamó" } });
    await e.consoleCall("DELETE", "/customers/carla");
    const log = JSON.stringify((await e.consoleCall("GET", "/audit")).json);
    expect(log).not.toMatch(/carla/i);
    const erasure = (await e.consoleCall("GET", "/audit")).json.entries.find((entry: { action: string }) => entry.action === "customer.erased");
    expect(erasure.customerId).toMatch(/^erased:/);
  });

  it("changes made with the secret key show as made by the API", async () => {
    const current = await program();
    await e.call("PUT", "/v1/program", { headers: e.asShop, body: { ...current, tierWindowDays: 200 } });
    const [latest] = (await e.consoleCall("GET", "/audit")).json.entries;
    expect(latest).toMatchObject({ action: "program.saved", actor: "api", details: { sections: ["tierWindowDays"] } });
  });
});
