import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { WidgetBoot, WidgetPanel, WidgetPayload } from "../../contract/index.ts";
import { signCustomerToken } from "../../server/sdk/sign-customer-token.js";
import { testPostgresUrl } from "../support/database.ts";
import { SHOP_ORIGIN, type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

let e: TestEndpoint;
afterEach(async () => {
  expect(await e.ledgerMismatches()).toEqual([]);
  await e.close();
});

describe("GET /v1/shops/:shop/widget", () => {
  it("answers guests with the program, theme and texts, cacheable by ETag", async () => {
    e = await testEndpoint();
    const guest = await e.call("GET", "/v1/shops/demo/widget", { headers: { origin: SHOP_ORIGIN } });
    expect(guest.status).toBe(200);
    expect(WidgetPayload.safeParse(guest.json).success).toBe(true);
    expect(guest.json.customer).toBeNull();
    expect(guest.json.shop).toEqual({ id: "demo", name: "Demo", currency: "EUR", defaultLocale: "es" });
    expect(guest.json.program.rewards.map((reward: { id: string }) => reward.id)).toEqual(["free-shipping", "five-off", "ten-percent"]);
    expect(guest.json.program.summary.es).toMatch(/punto/);
    expect(guest.json.theme.pointsName).toEqual({ one: "punto", other: "puntos" });
    expect(guest.headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
    const etag = guest.headers.get("etag");
    expect(etag).toBeTruthy();
    expect(guest.headers.get("cache-control")).toMatch(/public/);
    const again = await e.call("GET", "/v1/shops/demo/widget", { headers: { "if-none-match": etag ?? "" } });
    expect(again.status).toBe(304);
  });

  it("never lets a guest's cached answer carry a stale clock: a new minute is a new ETag and a fresh `now`", async () => {
    const clock = { now: Date.parse("2026-06-02T15:59:10Z") };
    e = await testEndpoint({ clock });
    const first = await e.call("GET", "/v1/shops/demo/widget");
    const etag = first.headers.get("etag") ?? "";
    clock.now += 30_000;
    expect((await e.call("GET", "/v1/shops/demo/widget", { headers: { "if-none-match": etag } })).status).toBe(304);
    clock.now += 60_000;
    const later = await e.call("GET", "/v1/shops/demo/widget", { headers: { "if-none-match": etag } });
    expect(later.status).toBe(200);
    expect(later.json.now).toBe("2026-06-02T16:00:40.000Z");
    expect(later.headers.get("etag")).not.toBe(etag);
  });

  it("answers a member with balance, progress, tier and recent activity, token in the query (no preflight)", async () => {
    e = await testEndpoint();
    await e.order("ana", "180.00");
    const member = await e.call("GET", `/v1/shops/demo/widget?token=${e.token("ana")}`);
    expect(member.status).toBe(200);
    expect(member.headers.get("cache-control")).toBe("private, no-store");
    expect(WidgetPayload.safeParse(member.json).success).toBe(true);
    expect(member.json.customer).toMatchObject({
      balance: 180,
      tier: { id: "bronze" },
      tierPoints: 180,
      nextTier: { id: "silver", missing: 320 },
      nextReward: { rewardId: "free-shipping", cost: 300, missing: 120 },
      redeemable: [],
      activity: [{ kind: "earn", points: 180, orderId: "o-1" }],
    });
    expect(member.json.customer.referral.code).toMatch(/^[0-9A-Z]{8,9}$/);
  });

  it("makes a member of a token never seen before, with a referral code, and no personal data", async () => {
    e = await testEndpoint();
    const fresh = await e.call("GET", "/v1/shops/demo/widget", { headers: e.asCustomer("new-shopper") });
    expect(fresh.json.customer).toMatchObject({ balance: 0, nextReward: { missing: 300 } });
    expect(JSON.stringify(fresh.json)).not.toMatch(/new-shopper|@/);
  });

  it("shows only the member's tier rewards", async () => {
    e = await testEndpoint();
    await e.setProgram((program) => ({
      ...program,
      rewards: [
        ...program.rewards,
        { id: "silver-gift", kind: "free_product", product: "Mug", cost: 50, title: { es: "Taza" }, tiers: ["silver"], codeValidityDays: 10 },
      ],
    }));
    await e.order("ana", "600.00");
    const ids = (await e.call("GET", "/v1/shops/demo/widget", { headers: e.asCustomer("ana") })).json.program.rewards.map(
      (r: { id: string }) => r.id,
    );
    expect(ids).toContain("silver-gift");
    const guestIds = (await e.call("GET", "/v1/shops/demo/widget")).json.program.rewards.map((r: { id: string }) => r.id);
    expect(guestIds).not.toContain("silver-gift");
  });

  it("says which campaign is active and when it ends, and which comes next", async () => {
    const clock = { now: Date.parse("2026-07-07T13:40:00Z") };
    e = await testEndpoint({ clock });
    await e.setProgram((program) => ({
      ...program,
      campaigns: [{ id: "tuesday", kind: "weekly", name: { es: "Puntos dobles" }, multiplier: 2, days: [2], start: "15:00", end: "17:00" }],
    }));
    const during = await e.call("GET", "/v1/shops/demo/widget");
    expect(during.json.program.campaigns.active).toMatchObject({ id: "tuesday", multiplier: 2, endsAt: "2026-07-07T15:00:00.000Z" });
    expect(during.json.program.campaigns.next).toMatchObject({ startsAt: "2026-07-14T13:00:00.000Z" });
    clock.now = Date.parse("2026-07-07T15:00:00Z");
    const after = await e.call("GET", "/v1/shops/demo/widget");
    expect(after.json.program.campaigns.active).toBeNull();
    expect(after.json.now).toBe("2026-07-07T15:00:00.000Z");
  });

  it("carries the texts and program words of one locale: the requested one, else the shop's default; the theme's overrides win", async () => {
    e = await testEndpoint();
    const english = await e.call("GET", "/v1/shops/demo/widget?locale=en-GB");
    expect(WidgetPayload.safeParse(english.json).success).toBe(true);
    expect(english.json.locale).toBe("en");
    expect(english.json.texts).toMatchObject({ "tab.rewards": "Rewards", "home.toNext": "{points} to go for {reward}" });
    // the theme's program words for the locale are in place
    expect(english.json.theme).toMatchObject({ programName: "Rewards club", launcherLabel: "My points", pointsName: { one: "point" } });
    const spanish = await e.call("GET", "/v1/shops/demo/widget?locale=es");
    expect(spanish.json.texts["tab.rewards"]).toBe("Premios");
    expect(spanish.json.theme.programName).toBe("Club de puntos");
    expect(spanish.headers.get("etag")).not.toBe(english.headers.get("etag"));
    const unknown = await e.call("GET", "/v1/shops/demo/widget?locale=nl");
    expect(unknown.json.locale).toBe("es");
    expect(unknown.json.texts["tab.rewards"]).toBe("Premios");
    expect((await e.call("GET", "/v1/shops/demo/widget?locale=nl,en")).json.locale).toBe("en");
    expect((await e.call("GET", "/v1/shops/demo/widget")).json.locale).toBe("es");
    const member = await e.call("GET", `/v1/shops/demo/widget?token=${e.token("ana")}&locale=en`);
    expect(member.json).toMatchObject({ locale: "en", texts: { "guest.join": "Join for free" } });

    const { locales } = (await e.call("GET", "/v1/theme", { headers: e.asShop })).json.theme;
    const saved = await e.call("PUT", "/v1/theme", {
      headers: e.asShop,
      body: { locales: { ...locales, en: { ...locales.en, texts: { "tab.rewards": "Treats" } } } },
    });
    expect(saved.status).toBe(200);
    const overridden = await e.call("GET", "/v1/shops/demo/widget?locale=en", { headers: { "if-none-match": english.headers.get("etag") ?? "" } });
    expect(overridden.status).toBe(200);
    expect(overridden.json.texts).toMatchObject({ "tab.rewards": "Treats", "tab.home": "Home" });
    expect((await e.call("GET", "/v1/shops/demo/widget?locale=es")).json.texts["tab.rewards"]).toBe("Premios");

    // a locale the widget has no texts for would be silently ignored: it is refused, and nothing is saved
    for (const locale of ["nl", "es-MX"]) {
      const refused = await e.call("PUT", "/v1/theme", {
        headers: e.asShop,
        body: { accent: "#123456", locales: { ...locales, [locale]: { texts: { rewards: "x" } } } },
      });
      expect(refused.status).toBe(422);
      expect(refused.json.error).toMatchObject({ code: "unsupported_locale" });
      expect(refused.json.error.message).toContain(`"${locale}"`);
    }
    expect((await e.call("GET", "/v1/theme", { headers: e.asShop })).json.theme.accent).not.toBe("#123456");
  });

  it("answers a refused token with the guest view and the reason, never a bare 401; other routes still refuse it", async () => {
    e = await testEndpoint();
    const expired = signCustomerToken({
      signingSecret: e.signingSecret,
      shop: "demo",
      customerId: "ana",
      issuedAt: Math.floor(Date.now() / 1000) - 7200,
      expiresIn: 3600,
    });
    for (const token of ["abc.def.ghi", expired, signCustomerToken({ signingSecret: "another-shops-secret", shop: "demo", customerId: "ana" })]) {
      const answer = await e.call("GET", `/v1/shops/demo/widget?token=${token}`, { headers: { origin: SHOP_ORIGIN } });
      expect(answer.status).toBe(200);
      expect(WidgetPayload.safeParse(answer.json).success).toBe(true);
      expect(answer.json.customer).toBeNull();
      expect(answer.json.sessionError).toMatchObject({ code: "unauthorized", message: expect.stringMatching(/^customer token refused/) });
      expect(answer.headers.get("cache-control")).toBe("private, no-store");
      expect(answer.headers.get("etag")).toBeNull();
    }
    const guest = await e.call("GET", "/v1/shops/demo/widget");
    expect(guest.json.sessionError).toBeUndefined();
    const activity = await e.call("GET", "/v1/shops/demo/activity", { headers: { authorization: `Bearer ${expired}` } });
    expect(activity.status).toBe(401);
  });

  it("refuses unknown shops, and origins the shop has not allowed with a refusal the page can read and no data", async () => {
    e = await testEndpoint();
    expect((await e.call("GET", "/v1/shops/nope/widget")).status).toBe(404);
    const stranger = await e.call("GET", "/v1/shops/demo/widget", { headers: { origin: "https://evil.example" } });
    expect(stranger.status).toBe(403);
    expect(stranger.headers.get("access-control-allow-origin")).toBe("https://evil.example");
    expect(stranger.json).toEqual({
      error: { code: "origin_not_allowed", message: expect.stringContaining("origin https://evil.example is not allowed") },
    });
    const redeem = await e.call("POST", "/v1/shops/demo/redemptions", {
      headers: { origin: "https://evil.example", ...e.asCustomer("ana"), "idempotency-key": "stranger-key-1" },
      body: { rewardId: "five-off" },
    });
    expect(redeem.status).toBe(403);
  });

  it("shows the member's unused reward codes in a wallet until they are used or expire", async () => {
    const clock = { now: Date.parse("2026-05-04T10:00:00Z") };
    e = await testEndpoint({ clock });
    await e.order("ana", "900.00");
    const redeem = (key: string, rewardId: string) =>
      e.call("POST", "/v1/shops/demo/redemptions", { headers: { ...e.asCustomer("ana"), "idempotency-key": key }, body: { rewardId } });
    const first = (await redeem("wallet-key-1", "free-shipping")).json;
    clock.now += 60_000;
    const second = (await redeem("wallet-key-2", "five-off")).json;
    const walletOf = async () => (await e.call("GET", `/v1/shops/demo/widget?token=${e.token("ana")}`)).json.customer.wallet;
    const wallet = await walletOf();
    expect(wallet.map((entry: { code: string }) => entry.code)).toEqual([second.code, first.code]);
    expect(wallet[0]).toMatchObject({ reward: { id: "five-off", kind: "amount_off" }, expiresAt: second.expiresAt });
    // used by an order that earns nothing (a store order in a program that earns online only): it still leaves the wallet
    await e.setProgram((program) => ({ ...program, earning: { ...program.earning, channels: ["online"] } }));
    await e.order("ana", "10.00", { channel: "store", discountCodes: [second.code] });
    expect((await walletOf()).map((entry: { code: string }) => entry.code)).toEqual([first.code]);
    clock.now += 31 * 86_400_000;
    expect(await walletOf()).toEqual([]);
  });

  it("says a weekly campaign's rule in the program's time zone", async () => {
    const clock = { now: Date.parse("2026-06-02T13:30:00Z") }; // a Tuesday, 15:30 in Madrid
    e = await testEndpoint({ clock });
    await e.setProgram((program) => ({
      ...program,
      campaigns: [{ id: "happy-hour", kind: "weekly", name: { es: "Hora feliz" }, multiplier: 2, days: [2, 4], start: "15:00", end: "17:00" }],
    }));
    const payload = (await e.call("GET", "/v1/shops/demo/widget")).json;
    expect(payload.program.campaigns.active).toMatchObject({
      id: "happy-hour",
      startsAt: "2026-06-02T13:00:00.000Z",
      endsAt: "2026-06-02T15:00:00.000Z",
      weekly: { days: [2, 4], start: "15:00", end: "17:00", timeZone: "Europe/Madrid" },
    });
    // the boot answer says the rule in words, in the answer's language, with the zone's name for shoppers elsewhere
    const inWords = async (locale: string) => (await e.call("GET", `/v1/shops/demo/widget?view=boot&locale=${locale}`)).json.campaigns.active;
    expect(await inWords("es")).toMatchObject({ schedule: "Cada martes y jueves, de 15:00 a 17:00", zoneName: "hora de Europa central" });
    expect(await inWords("en")).toMatchObject({ schedule: "Every Tuesday and Thursday, 3:00 PM–5:00 PM", zoneName: "Central European Time" });
    expect((await inWords("de")).schedule).toBe("Jeden Dienstag und Donnerstag von 15:00 bis 17:00 Uhr");
  });

  it("says a date-range campaign's days in the program's time zone, in the boot answer's language", async () => {
    // 1 March 23:30 UTC is already 2 March in Madrid
    const clock = { now: Date.parse("2026-03-01T12:00:00Z") };
    e = await testEndpoint({ clock });
    await e.setProgram((program) => ({
      ...program,
      campaigns: [
        {
          id: "spring",
          kind: "range",
          name: { es: "Primavera" },
          multiplier: 2,
          startsAt: "2026-03-01T23:30:00Z",
          endsAt: "2026-03-09T22:00:00Z",
        },
      ],
    }));
    const boot = (await e.call("GET", "/v1/shops/demo/widget?view=boot&locale=es")).json;
    expect(boot.campaigns.next.schedule).toBe("Del 2 de marzo al 9 de marzo");
    expect(boot.campaigns.next.zoneName).toBeUndefined();
  });

  it("answers CORS preflights for the widget's writes from allowed origins", async () => {
    e = await testEndpoint();
    const preflight = await e.call("OPTIONS", "/v1/shops/demo/redemptions", {
      headers: { origin: SHOP_ORIGIN, "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Idempotency-Key/);
  });

  it("rate-limits one client with 429 and Retry-After", async () => {
    e = await testEndpoint({ rateLimit: true });
    let last = { status: 200, headers: new Headers(), json: null as any };
    for (let i = 0; i < 25 && last.status !== 429; i++)
      last = await e.call("POST", "/v1/shops/demo/redemptions", {
        headers: { ...e.asCustomer("ana"), "idempotency-key": `flood-${i}-key` },
        body: { rewardId: "five-off" },
      });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last.json.error.code).toBe("rate_limited");
  });
});

describe("GET /v1/shops/:shop/widget?view=boot and /widget/panel: the widget's two answers", () => {
  it("boot: a guest gets the theme, the launcher's texts only, campaigns and the panel's version, shared by ETag", async () => {
    e = await testEndpoint();
    const boot = await e.call("GET", "/v1/shops/demo/widget?view=boot&locale=en", { headers: { origin: SHOP_ORIGIN } });
    expect(boot.status).toBe(200);
    expect(WidgetBoot.safeParse(boot.json).success).toBe(true);
    expect(boot.json).toMatchObject({ locale: "en", customer: null, campaigns: { active: null }, theme: { launcherLabel: "My points" } });
    expect(Object.keys(boot.json.texts).length).toBeGreaterThan(0);
    expect(Object.keys(boot.json.texts).every((key) => key.startsWith("launcher."))).toBe(true);
    expect(boot.json.texts["launcher.toNext"]).toBe("{points} to go");
    expect(boot.json.panel.version).toMatch(/^\d+\.[\w-]+$/);
    expect(boot.json.program).toBeUndefined();
    expect(boot.headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
    expect(boot.headers.get("cache-control")).toMatch(/^public/);
    const etag = boot.headers.get("etag") ?? "";
    expect((await e.call("GET", "/v1/shops/demo/widget?view=boot&locale=en", { headers: { "if-none-match": etag } })).status).toBe(304);
    // another view or language is another answer
    const full = await e.call("GET", "/v1/shops/demo/widget?locale=en");
    expect(full.headers.get("etag")).not.toBe(etag);
    expect(full.json.program).toBeDefined();
    expect((await e.call("GET", "/v1/shops/demo/widget?view=boot&locale=es")).headers.get("etag")).not.toBe(etag);
  });

  it("boot: a member's own state, private, with the wallet, the dearest reward within reach and the orders placed", async () => {
    e = await testEndpoint();
    await e.order("ana", "700.00");
    const boot = await e.call("GET", `/v1/shops/demo/widget?view=boot&token=${e.token("ana")}`);
    expect(WidgetBoot.safeParse(boot.json).success).toBe(true);
    expect(boot.headers.get("cache-control")).toBe("private, no-store");
    expect(boot.headers.get("etag")).toBeNull();
    expect(boot.json.customer).toMatchObject({
      balance: 700,
      redeemable: ["free-shipping", "five-off"],
      readyReward: { rewardId: "five-off", cost: 500, title: { es: expect.any(String) } },
      ordersCount: 1,
      wallet: [],
    });
    const poor = await e.call("GET", `/v1/shops/demo/widget?view=boot&token=${e.token("new-shopper")}`);
    expect(poor.json.customer).toMatchObject({
      balance: 0,
      readyReward: null,
      ordersCount: 0,
      nextReward: { missing: 300, title: { es: "Envío gratis", en: "Free shipping" } },
    });
    expect(poor.json.customer).not.toHaveProperty("pendingUntil");
  });

  it("boot: a refused token draws the guest view with sessionError, never a 401", async () => {
    e = await testEndpoint();
    const boot = await e.call("GET", "/v1/shops/demo/widget?view=boot&token=abc.def.ghi", { headers: { origin: SHOP_ORIGIN } });
    expect(boot.status).toBe(200);
    expect(WidgetBoot.safeParse(boot.json).success).toBe(true);
    expect(boot.json.customer).toBeNull();
    expect(boot.json.sessionError).toMatchObject({ code: "unauthorized", message: expect.stringMatching(/^customer token refused/) });
    expect(boot.headers.get("cache-control")).toBe("private, no-store");
    const stranger = await e.call("GET", "/v1/shops/demo/widget?view=boot", { headers: { origin: "https://evil.example" } });
    expect(stranger.status).toBe(403);
    expect(stranger.json.error.code).toBe("origin_not_allowed");
  });

  it("panel: every text and the program's details, public, cached for good under the current version, 304 by ETag", async () => {
    e = await testEndpoint();
    await e.setProgram((program) => ({
      ...program,
      rewards: [
        ...program.rewards,
        { id: "silver-gift", kind: "free_product", product: "mug-01", cost: 50, title: { es: "Taza" }, tiers: ["silver"], codeValidityDays: 10 },
      ],
    }));
    const { version } = (await e.call("GET", "/v1/shops/demo/widget?view=boot")).json.panel;
    const panel = await e.call("GET", `/v1/shops/demo/widget/panel?locale=es&v=${version}`, { headers: { origin: SHOP_ORIGIN } });
    expect(panel.status).toBe(200);
    expect(WidgetPanel.safeParse(panel.json).success).toBe(true);
    expect(panel.json).toMatchObject({ version, locale: "es", texts: { "tab.rewards": "Premios", "launcher.toNext": expect.anything() } });
    expect(panel.json.texts["home.toNext"]).toEqual({ one: "Te falta {points} para {reward}", other: "Te faltan {points} para {reward}" });
    // every reward, with the tiers that may redeem it
    expect(panel.json.program.rewards.find((reward: { id: string }) => reward.id === "silver-gift")).toMatchObject({ tiers: ["silver"] });
    expect(panel.json.program).not.toHaveProperty("campaigns");
    expect(panel.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(panel.headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
    const etag = panel.headers.get("etag") ?? "";
    expect(etag).toContain(version);
    expect((await e.call("GET", `/v1/shops/demo/widget/panel?locale=es&v=${version}`, { headers: { "if-none-match": etag } })).status).toBe(304);
    // without the current version, the same answer must be revalidated
    const unversioned = await e.call("GET", "/v1/shops/demo/widget/panel?locale=es&v=0.old");
    expect(unversioned.headers.get("cache-control")).toBe("public, no-cache");
    expect((await e.call("GET", "/v1/shops/demo/widget/panel?locale=en")).headers.get("etag")).not.toBe(etag);
  });

  it("panel: what every shopper sees alike comes written in the answer's language: conditions, the friend's offer, ways to earn, tiers", async () => {
    e = await testEndpoint();
    await e.setProgram((program) => ({
      ...program,
      rewards: [
        ...program.rewards,
        { id: "mug", kind: "free_product", product: "mug-01", cost: 50, title: { es: "Taza" }, tiers: ["silver", "gold"], codeValidityDays: 10 },
        { id: "big", kind: "amount_off", amount: "12.5", minimumSubtotal: "60", cost: 900, title: { es: "Descuento" }, codeValidityDays: 10 },
      ],
      actions: [{ id: "news", kind: "newsletter", points: 50, limit: { count: 1, per: "ever" }, title: {} }],
    }));
    const es = (await e.call("GET", "/v1/shops/demo/widget/panel?locale=es")).json;
    expect(WidgetPanel.safeParse(es).success).toBe(true);
    expect(es.program.rewardTerms).toEqual({ mug: "Solo nivel Plata, Oro", big: "En pedidos desde 60\u00a0€" });
    expect(es.program.referral).toMatchObject({ offer: "5\u00a0€ de descuento", terms: "En pedidos desde 30\u00a0€" });
    expect(es.program.earn).toEqual({
      ways: [
        { kind: "purchase", title: "Haz un pedido", detail: "1 punto por cada 1\u00a0€. En la tienda online y en nuestras tiendas físicas" },
        { kind: "referral", title: "Invita a un amigo", detail: "Cuando haga su primer pedido", gives: "+200 puntos" },
        { kind: "newsletter", title: "Suscríbete al boletín", detail: "Una vez", gives: "+50 puntos" },
      ],
      tiers: [
        { kind: "tier", title: "Bronce", detail: "Desde 0 puntos" },
        { kind: "tier", title: "Plata", detail: "Desde 500 puntos", gives: "Puntos x1,25" },
        { kind: "tier", title: "Oro", detail: "Desde 1500 puntos", gives: "Puntos x1,5" },
      ],
      tiersNote: "Según los puntos ganados en los últimos 365 días.",
    });
    // in another language, with the theme's own name for points in it
    const { theme } = (await e.call("GET", "/v1/theme", { headers: e.asShop })).json;
    const locales = { ...theme.locales, en: { ...theme.locales.en, pointsName: { one: "star", other: "stars" } } };
    expect((await e.call("PUT", "/v1/theme", { headers: e.asShop, body: { locales } })).status).toBe(200);
    const en = (await e.call("GET", "/v1/shops/demo/widget/panel?locale=en")).json;
    expect(en.program.rewardTerms.big).toBe("On orders from €60");
    expect(en.program.earn.ways[1]).toMatchObject({ title: "Invite a friend", gives: "+200 stars" });
    expect(en.program.referral.offer).toBe("€5 off");
  });

  it("panel: a change of program or theme is a new version and a new ETag; the theme's text overrides are merged by key", async () => {
    e = await testEndpoint();
    const before = await e.call("GET", "/v1/shops/demo/widget/panel?locale=en");
    const { locales } = (await e.call("GET", "/v1/theme", { headers: e.asShop })).json.theme;
    await e.call("PUT", "/v1/theme", {
      headers: e.asShop,
      body: { locales: { ...locales, en: { ...locales.en, texts: { "tab.rewards": "Treats" } } } },
    });
    const after = await e.call("GET", "/v1/shops/demo/widget/panel?locale=en", { headers: { "if-none-match": before.headers.get("etag") ?? "" } });
    expect(after.status).toBe(200);
    expect(after.json.version).not.toBe(before.json.version);
    expect(after.json.texts).toMatchObject({ "tab.rewards": "Treats", "tab.home": "Home" });
    const boot = await e.call("GET", "/v1/shops/demo/widget?view=boot&locale=en");
    expect(boot.json.panel.version).toBe(after.json.version);
  });

  it("speaks each language it ships texts in: the boot and the panel answer them, and a theme may override them", async () => {
    e = await testEndpoint();
    const boot = await e.call("GET", "/v1/shops/demo/widget?view=boot&locale=eu");
    expect(WidgetBoot.safeParse(boot.json).success).toBe(true);
    expect(boot.json.locale).toBe("eu");
    expect(boot.json.texts).toEqual({
      "launcher.toNext": { one: "{points} falta zaizu", other: "{points} falta zaizkizu" },
      "launcher.ready": "{reward} lor dezakezu orain",
      "launcher.failed": "Ezin izan da ireki. Saiatu berriro.",
    });
    const panel = await e.call("GET", "/v1/shops/demo/widget/panel?locale=fr-BE");
    expect(WidgetPanel.safeParse(panel.json).success).toBe(true);
    expect(panel.json).toMatchObject({ locale: "fr", texts: { "tab.rewards": "Récompenses", "launcher.toNext": "Plus que {points}" } });
    expect(panel.json.texts["referral.visits"]).toEqual({ one: "{count} visite", many: "{count} visites", other: "{count} visites" });
    for (const locale of ["ca", "gl", "pt", "de", "it"])
      expect((await e.call("GET", `/v1/shops/demo/widget/panel?locale=${locale}`)).json.locale).toBe(locale);

    const { locales } = (await e.call("GET", "/v1/theme", { headers: e.asShop })).json.theme;
    const saved = await e.call("PUT", "/v1/theme", {
      headers: e.asShop,
      body: { locales: { ...locales, fr: { pointsName: { one: "point", other: "points" }, texts: { "tab.rewards": "Cadeaux" } } } },
    });
    expect(saved.status).toBe(200);
    const overridden = await e.call("GET", "/v1/shops/demo/widget/panel?locale=fr");
    expect(overridden.json.texts).toMatchObject({ "tab.rewards": "Cadeaux", "tab.home": "Accueil" });
    expect((await e.call("GET", "/v1/shops/demo/widget?view=boot&locale=fr")).json.theme.pointsName).toEqual({ one: "point", other: "points" });
  });

  it("the widget's texts travel once: the boot's are the launcher's, a small part of the panel's", async () => {
    e = await testEndpoint();
    const boot = await e.call("GET", "/v1/shops/demo/widget?view=boot&locale=es");
    const panel = await e.call("GET", "/v1/shops/demo/widget/panel?locale=es");
    const bootTexts = JSON.stringify(boot.json.texts).length;
    expect(bootTexts * 10).toBeLessThan(JSON.stringify(panel.json.texts).length);
    expect(JSON.stringify(boot.json).length).toBeLessThan(2500);
  });
});

describe("GET /v1/shops/:shop/activity", () => {
  it("pages through the ledger, newest first", async () => {
    e = await testEndpoint();
    for (let i = 0; i < 5; i++) await e.order("ana", `${i + 1}.00`);
    const first = await e.call("GET", "/v1/shops/demo/activity?limit=2", { headers: e.asCustomer("ana") });
    expect(first.json.entries.map((entry: { points: number }) => entry.points)).toEqual([5, 4]);
    const second = await e.call("GET", `/v1/shops/demo/activity?limit=2&cursor=${first.json.nextCursor}`, { headers: e.asCustomer("ana") });
    expect(second.json.entries.map((entry: { points: number }) => entry.points)).toEqual([3, 2]);
    const last = await e.call("GET", `/v1/shops/demo/activity?limit=2&cursor=${second.json.nextCursor}`, { headers: e.asCustomer("ana") });
    expect(last.json).toMatchObject({ entries: [{ points: 1 }], nextCursor: null });
    expect((await e.call("GET", "/v1/shops/demo/activity?limit=500", { headers: e.asCustomer("ana") })).status).toBe(400);
    expect((await e.call("GET", "/v1/shops/demo/activity")).status).toBe(401);
  });
});

describe.skipIf(testPostgresUrl)("the member's kept view on SQLite", () => {
  it("is drawn again after a commit by another connection or process, though this one wrote nothing", async () => {
    e = await testEndpoint();
    await e.call("POST", "/v1/customers/ana/adjustments", { headers: e.asShop, body: { id: "start", points: 120, reason: "x" } });
    const balance = async () => (await e.call("GET", `/v1/shops/demo/widget?view=boot&token=${e.token("ana")}`)).json.customer?.balance;
    expect(await balance()).toBe(120);
    expect(await balance()).toBe(120);
    // another process writes to the same file, as a second endpoint on it would
    const other = new Database(join(e.dir, "loyalty.sqlite"));
    const setBalance = other.prepare("UPDATE customers SET balance = ?, version = version + 1 WHERE shop_id = 'demo' AND id = 'ana'");
    setBalance.run(95);
    // its commit is seen by the requests of the event loop's next turn (a request sent after it always is one): these
    // requests reach the app in-process, with no network between them
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    await nextTurn();
    expect(await balance()).toBe(95);
    // and back, so that the balance matches its ledger entries again
    setBalance.run(120);
    other.close();
    await nextTurn();
    expect(await balance()).toBe(120);
  });
});

describe("two endpoints in one process", () => {
  it("keep their own member views and token checks: the same shop and customer ids on two databases never mix", async () => {
    const clock = { now: Date.parse("2026-06-02T10:00:00Z") };
    const [first, second] = [await testEndpoint({ clock }), await testEndpoint({ clock })];
    e = first;
    try {
      // the same customer, with the same version and creation time on both, but another balance
      for (const [endpoint, points] of [
        [first, 120],
        [second, 470],
      ] as const)
        await endpoint.call("POST", "/v1/customers/ana/adjustments", { headers: endpoint.asShop, body: { id: "start", points, reason: "x" } });
      const balance = async (endpoint: TestEndpoint, token: string) =>
        (await endpoint.call("GET", `/v1/shops/demo/widget?view=boot&token=${token}`)).json.customer?.balance;
      expect(await balance(first, first.token("ana"))).toBe(120);
      expect(await balance(second, second.token("ana"))).toBe(470);
      // a token the first endpoint checked is signed with its secret: the second refuses it
      expect((await second.call("GET", `/v1/shops/demo/widget?view=boot&token=${first.token("ana")}`)).json.sessionError?.code).toBe("unauthorized");
    } finally {
      expect(await second.ledgerMismatches()).toEqual([]);
      await second.close();
    }
  });
});
