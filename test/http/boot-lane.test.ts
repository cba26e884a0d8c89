import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../server/http/app.ts";
import { withBootLane } from "../../server/http/boot-lane.ts";
import type { AppConfig } from "../../server/http/env.ts";
import { Metrics } from "../../server/http/metrics.ts";
import { signCustomerToken } from "../../server/sdk/sign-customer-token.js";
import { SHOP_ORIGIN, type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

// A member's boot request is answered beside the app, from Node's request (server/http/boot-lane.ts). These tests hold it to
// answering exactly as the app does, over real sockets, on the suite's database (SQLite or PostgreSQL), and to leaving the
// app everything else.

const NOW = Date.parse("2026-06-02T10:00:00Z");

let e: TestEndpoint;
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
  await e.close();
});

async function listen(listener: RequestListener): Promise<string> {
  const server = createServer(listener).listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((ready) => server.once("listening", ready));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * Three listeners over one endpoint's storage: the app alone, the app with the lane in front (as the endpoint runs), and the
 * lane in front of a stand-in that answers 599 "the app", so that what the lane answered itself shows.
 */
async function listeners(config: Partial<AppConfig> = {}) {
  const logs = { app: [] as string[], laned: [] as string[], alone: [] as string[] };
  const metrics = { app: new Metrics(e.driver), laned: new Metrics(e.driver), alone: new Metrics(e.driver) };
  const configOf = (name: keyof typeof logs): AppConfig => ({
    rateLimit: false,
    trustProxy: false,
    ...config,
    log: (line) => logs[name].push(line),
    metrics: metrics[name],
  });
  const appOf = (name: keyof typeof logs) => getRequestListener(createApp(e.services, configOf(name)).fetch);
  const standIn: RequestListener = (_request, response) => {
    response.writeHead(599);
    response.end("the app");
  };
  return {
    logs,
    metrics,
    app: await listen(appOf("app")),
    laned: await listen(withBootLane(appOf("laned"), e.services, configOf("laned"), metrics.laned)),
    laneAlone: await listen(withBootLane(standIn, e.services, configOf("alone"), metrics.alone)),
  };
}

/** An answer as compared: status, headers but the date (and the request id, unless the caller gave one), body; the endpoint's own address as a name. */
async function answer(base: string, path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${base}${path}`, { method: init.method ?? "GET", headers: init.headers });
  const headers = Object.fromEntries(
    [...response.headers]
      .filter(([name]) => name !== "date" && (name !== "x-request-id" || init.headers?.["x-request-id"]))
      .map(([name, value]) => [name, value.replace(base, "<the endpoint>")]),
  );
  if (response.status !== 599) expect(response.headers.get("x-request-id")).toMatch(/^[\w.:-]{1,64}$/);
  return { status: response.status, headers, body: await response.text() };
}

const bootPath = (token?: string, locale = "es") => `/v1/shops/demo/widget?view=boot&locale=${locale}${token ? `&token=${token}` : ""}`;

describe("a member's boot request, answered in its lane", () => {
  it("answers exactly as the app does, and leaves the app everything it does not answer that way", async () => {
    e = await testEndpoint({ clock: { now: NOW } });
    await e.order("ana", "180.00");
    const l = await listeners();
    const ana = e.token("ana");
    const expired = signCustomerToken({
      signingSecret: e.signingSecret,
      shop: "demo",
      customerId: "ana",
      issuedAt: NOW / 1000 - 7200,
      expiresIn: 3600,
    });
    const cases: { name: string; lane: boolean; path: string; method?: string; headers?: (base: string) => Record<string, string> }[] = [
      { name: "a member, token in the query", lane: true, path: bootPath(ana) },
      { name: "a member on the shop's allowed origin", lane: true, path: bootPath(ana), headers: () => ({ origin: SHOP_ORIGIN }) },
      { name: "a member in two languages, encoded", lane: true, path: bootPath(ana, "en-GB%2Ces") },
      { name: "a member with the caller's request id", lane: true, path: bootPath(ana), headers: () => ({ "x-request-id": "req-42" }) },
      { name: "a member never seen before", lane: true, path: bootPath(e.token("bea")) },
      { name: "an origin the shop has not allowed", lane: false, path: bootPath(ana), headers: () => ({ origin: "https://elsewhere.example" }) },
      { name: "the endpoint's own origin", lane: false, path: bootPath(ana), headers: (base) => ({ origin: base }) },
      { name: "a guest", lane: false, path: bootPath(), headers: () => ({ origin: SHOP_ORIGIN }) },
      { name: "a refused token", lane: false, path: bootPath("forged.token.value") },
      { name: "an expired token", lane: false, path: bootPath(expired) },
      { name: "the token as a bearer", lane: false, path: bootPath(), headers: () => ({ authorization: `Bearer ${ana}` }) },
      { name: "the full payload", lane: false, path: `/v1/shops/demo/widget?token=${ana}` },
      { name: "the panel", lane: false, path: `/v1/shops/demo/widget/panel?locale=es&token=${ana}` },
      { name: "a shop that does not exist", lane: false, path: `/v1/shops/nope/widget?view=boot&token=${ana}` },
      { name: "an encoded shop id", lane: false, path: `/v1/shops/d%65mo/widget?view=boot&token=${ana}` },
      { name: "HEAD", lane: false, path: bootPath(ana), method: "HEAD" },
    ];
    for (const { name, lane, path, method, headers } of cases) {
      const fromApp = await answer(l.app, path, { method, headers: headers?.(l.app) });
      const laned = await answer(l.laned, path, { method, headers: headers?.(l.laned) });
      expect(laned, name).toEqual(fromApp);
      const alone = await answer(l.laneAlone, path, { method, headers: headers?.(l.laneAlone) });
      if (lane) expect(alone, name).toEqual(fromApp);
      else expect(alone.status, name).toBe(599);
    }
    // the answers the lane gave are the app's, field by field: a member's, in the language asked
    const member = JSON.parse((await answer(l.laneAlone, bootPath(ana, "en-GB%2Ces"))).body);
    expect(member).toMatchObject({ locale: "en", customer: { balance: 180 }, now: new Date(NOW).toISOString() });

    // the same log lines and the same counts, under the same route; the lane alone logs and counts only what it answered
    const timeless = (lines: string[]) => lines.map((line) => line.replace(/ [\d.]+ms$/, ""));
    expect(timeless(l.logs.laned)).toEqual(timeless(l.logs.app));
    expect(timeless(l.logs.alone)).toEqual(Array(cases.filter((c) => c.lane).length + 1).fill("GET /v1/shops/demo/widget 200"));
    const counted = async (metrics: Metrics) =>
      (await metrics.registry.metrics()).split("\n").filter((line) => line.startsWith("loyalty_http_requests_total{"));
    const appCounts = await counted(l.metrics.app);
    expect(appCounts).toContainEqual(expect.stringMatching(/route="\/v1\/shops\/:shop\/widget",method="GET",status="200"} \d+/));
    expect(await counted(l.metrics.laned)).toEqual(appCounts);
    expect(await counted(l.metrics.alone)).toEqual([
      `loyalty_http_requests_total{route="/v1/shops/:shop/widget",method="GET",status="200"} ${cases.filter((c) => c.lane).length + 1}`,
    ]);
  });

  it("sends a member's answer as ASCII, byte for byte: accents, a € and an emoji come through as the same characters", async () => {
    e = await testEndpoint({ clock: { now: NOW } });
    await e.order("ana", "600.00");
    const theme = await e.call("PUT", "/v1/theme", { headers: e.asShop, body: { programName: "Club ¡Olé! 🎁", launcherLabel: "Mis premios" } });
    expect(theme.status).toBe(200);
    const l = await listeners();
    const path = bootPath(e.token("ana"));
    const fromApp = await (await fetch(`${l.app}${path}`)).json();
    const laned = await fetch(`${l.laneAlone}${path}`);
    expect(laned.status).toBe(200);
    const bytes = Buffer.from(await laned.arrayBuffer());
    expect(Number(laned.headers.get("content-length"))).toBe(bytes.length);
    expect(bytes.filter((byte) => byte > 0x7f)).toHaveLength(0);
    const member = JSON.parse(bytes.toString("utf8"));
    expect(member).toEqual(fromApp);
    expect(member.theme).toMatchObject({ programName: "Club ¡Olé! 🎁", launcherLabel: "Mis premios" });
    expect(member.customer.readyReward.title.es).toMatch(/^5\s€ de descuento$/);
    expect(member.texts["launcher.failed"]).toMatch(/Inténtalo/);
  });

  it("logs as JSON lines when asked, with the request id", async () => {
    e = await testEndpoint({ clock: { now: NOW } });
    const l = await listeners({ logFormat: "json" });
    await answer(l.app, bootPath()); // the shop is kept in memory from its first request on
    await answer(l.laneAlone, bootPath(e.token("ana")), { headers: { "x-request-id": "req-7" } });
    expect(l.logs.alone.map((line) => ({ ...JSON.parse(line), ms: 0 }))).toEqual([
      {
        time: expect.any(String),
        level: "info",
        msg: "request",
        requestId: "req-7",
        method: "GET",
        path: "/v1/shops/demo/widget",
        status: 200,
        ms: 0,
      },
    ]);
  });

  it("counts toward the rate limit as the app does, and leaves one request too many to the app's 429", async () => {
    // a clock that stands still: however long the 600 requests take, the shop stays kept (on PostgreSQL for two seconds of
    // the clock) and the rate limit's minute does not end
    e = await testEndpoint({ clock: { now: NOW } });
    const l = await listeners({ rateLimit: true });
    await answer(l.app, bootPath());
    const ana = e.token("ana");
    for (let i = 0; i < 120; i++) expect((await answer(l.laneAlone, bootPath(ana))).status).toBe(200);
    expect(await answer(l.laneAlone, bootPath(ana))).toMatchObject({ status: 599 });
    const refused = await answer(l.laned, bootPath(ana));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    // each request counts once for the network, as through the app, a refused one too: 600 a minute in all. So far 122:
    // the shop's first request, Ana's 120, and her one too many (counted by the app that refused it, not by the lane)
    const others = ["bea", "carla", "dani", "eva"].map((name) => e.token(name));
    for (let i = 0; i < 600 - 122; i++) expect((await answer(l.laneAlone, bootPath(others[i % others.length]))).status, `request ${i}`).toBe(200);
    expect(await answer(l.laneAlone, bootPath(others[0]))).toMatchObject({ status: 599 });
    expect((await answer(l.laned, bootPath(others[0]))).status).toBe(429);
  });

  it("leaves the app a request whose answer fails on the way, to answer it as it answers errors", async () => {
    e = await testEndpoint({ clock: { now: NOW } });
    const l = await listeners();
    await answer(l.app, bootPath());
    vi.spyOn(e.services.widgetViews, "get").mockImplementation(() => {
      throw new Error("the views are unreadable");
    });
    const ana = e.token("ana");
    expect(await answer(l.laneAlone, bootPath(ana))).toMatchObject({ status: 599, body: "the app" });
    const laned = await answer(l.laned, bootPath(ana));
    expect(laned.status).toBe(500);
    expect(laned).toEqual(await answer(l.app, bootPath(ana)));
  });
});
