import { WidgetLocale } from "../../contract/index.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Program } from "../../contract/index.ts";
import { type ConsoleEndpoint, consoleEndpoint } from "./console-support.ts";

let e: ConsoleEndpoint;
// a Monday, 10:00 in Madrid
const clock = { now: Date.parse("2025-03-03T09:00:00Z") };
beforeAll(async () => {
  e = await consoleEndpoint({ clock });
  await e.signIn();
});
afterAll(() => e.close());

const draft = (theme: object) => Buffer.from(JSON.stringify(theme)).toString("base64url");

describe("console theme", () => {
  it("saves tokens, flags low contrast, and the widget shows the saved theme on the next page view", async () => {
    const saved = await e.consoleCall("PUT", "/theme", { body: { accent: "#ffee00", programName: "Club Premio" } });
    expect(saved.status).toBe(200);
    expect(saved.json.theme).toMatchObject({ accent: "#ffee00", programName: "Club Premio" });
    expect(saved.json.warnings[0]).toMatchObject({ code: "low_contrast" });
    const widget = await e.call("GET", "/v1/shops/demo/widget");
    expect(widget.json.theme).toMatchObject({ accent: "#ffee00", programName: "Club Premio" });
  });

  it("rejects a colour that is not CSS colour syntax, naming the token", async () => {
    const response = await e.consoleCall("PUT", "/theme", { body: { accent: "red;background:url(x)" } });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain("accent");
  });

  it("keeps the launcher label to 24 characters", async () => {
    expect((await e.consoleCall("PUT", "/theme", { body: { launcherLabel: "Veinticuatro caracteres!" } })).status).toBe(200);
    const long = await e.consoleCall("PUT", "/theme", { body: { launcherLabel: "Veinticinco caracteres!!!" } });
    expect(long.status).toBe(400);
    expect(long.json.error.message).toContain("launcherLabel");
  });

  it("saves dark colours and flags their contrast, each missing one derived from the light ones as the widget does", async () => {
    const saved = await e.consoleCall("PUT", "/theme", { body: { dark: { accent: "#1c1c1e", accentText: "#0b2a1f" } } });
    expect(saved.status).toBe(200);
    expect(saved.json.theme.dark).toEqual({ accent: "#1c1c1e", accentText: "#0b2a1f" });
    const messages = saved.json.warnings.map((warning: { message: string }) => warning.message);
    expect(messages).toContainEqual(expect.stringContaining("Dark scheme: accent text on the accent colour"));
    expect(messages).not.toContainEqual(expect.stringContaining("Dark scheme: text on the background"));
    expect((await e.consoleCall("PUT", "/theme", { body: { dark: { text: "white;" } } })).status).toBe(400);
    const widget = await e.call("GET", "/v1/shops/demo/widget");
    expect(widget.json.theme.dark).toEqual({ accent: "#1c1c1e", accentText: "#0b2a1f" });
  });

  it("lists the widget's own texts per language with its plural categories, and takes overrides of plain and plural texts", async () => {
    const defaults = (await e.consoleCall("GET", "/theme/texts")).json;
    expect(defaults.locales.map((entry: { locale: string }) => entry.locale)).toEqual(WidgetLocale.options);
    const english = defaults.locales[1];
    expect(english.pluralCategories).toEqual(["one", "other"]);
    expect(english.texts["reward.redeem"]).toBe("Redeem");
    const saved = await e.consoleCall("PUT", "/theme", {
      body: { locales: { en: { texts: { "reward.redeem": "Get it" } }, es: { texts: { "reward.redeem": "¡Lo quiero!" } } } },
    });
    expect(saved.status).toBe(200);
    expect((await e.call("GET", "/v1/shops/demo/widget?locale=en")).json.texts["reward.redeem"]).toBe("Get it");
    // Spanish has a CLDR `many` category its widget texts don't use: a plural override needs only the forms the text has
    const spanishPlural = await e.consoleCall("PUT", "/theme", {
      body: { locales: { es: { texts: { "time.days": { one: "{count} día, {hours} h", other: "{count} días, {hours} h" } } } } },
    });
    expect(spanishPlural.status).toBe(200);
    const notPlural = await e.consoleCall("PUT", "/theme", { body: { locales: { en: { texts: { "reward.redeem": { one: "a", other: "b" } } } } } });
    expect(notPlural.status).toBe(400);
    expect(notPlural.json.error.message).toContain("no plural forms");
  });

  it("resets every token to its default", async () => {
    const reset = await e.consoleCall("POST", "/theme/reset");
    expect(reset.json.theme.accent).toBe("#0b6e4f");
    expect(reset.json.warnings).toEqual([]);
    expect(reset.json.theme.dark).toEqual({});
    expect((await e.consoleCall("GET", "/theme")).json.theme.programName).toBe("Club de puntos");
  });
});

describe("console program", () => {
  it("saves a program validated by the API's schema, without rewriting past ledger entries", async () => {
    await e.order("ana", "10.00");
    const before = await e.call("GET", "/v1/customers/ana", { headers: e.asShop });
    const program = (await e.consoleCall("GET", "/program")).json as Program;
    const saved = await e.consoleCall("PUT", "/program", { body: { ...program, earning: { ...program.earning, pointsPerUnit: 5 } } });
    expect(saved.status).toBe(200);
    expect(saved.json.earning.pointsPerUnit).toBe(5);
    const after = await e.call("GET", "/v1/customers/ana", { headers: e.asShop });
    expect(after.json.ledger).toEqual(before.json.ledger);
    expect(after.json.balance).toBe(before.json.balance);
  });

  it("refuses a program with a reward naming an unknown tier, and keeps the saved one", async () => {
    const program = (await e.consoleCall("GET", "/program")).json as Program;
    const broken = { ...program, rewards: [{ ...program.rewards[0], tiers: ["platinum"] }] };
    const response = await e.consoleCall("PUT", "/program", { body: broken });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain("platinum");
    expect((await e.consoleCall("GET", "/program")).json.rewards).toHaveLength(program.rewards.length);
  });

  it("previews the next window of a weekly campaign in the program's time zone", async () => {
    const campaigns = [
      { id: "martes", kind: "weekly", name: { es: "Martes", en: "Tuesday" }, multiplier: 2, days: [2], start: "15:00", end: "17:00" },
    ];
    const response = await e.consoleCall("POST", "/program/campaign-preview", { body: { timeZone: "Europe/Madrid", campaigns } });
    expect(response.status).toBe(200);
    expect(response.json.active).toBeNull();
    // Tuesday 4 March 2025, 15:00–17:00 in Madrid (UTC+1)
    expect(response.json.next).toMatchObject({ id: "martes", startsAt: "2025-03-04T14:00:00.000Z", endsAt: "2025-03-04T16:00:00.000Z" });
  });

  it("refuses an unknown time zone in the preview", async () => {
    const response = await e.consoleCall("POST", "/program/campaign-preview", { body: { timeZone: "Mars/Olympus", campaigns: [] } });
    expect(response.status).toBe(400);
  });
});

describe("theme preview", () => {
  it("serves a preview page that embeds the real widget as the sample shopper, with the draft theme", async () => {
    const current = (await e.consoleCall("GET", "/theme")).json.theme;
    const encoded = draft({ ...current, accent: "#aa0000" });
    const page = await e.call("GET", `/console/preview?theme=${encoded}&locale=en`, { headers: { cookie: e.cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    const html = String(page.json);
    expect(html).toContain('src="http://localhost/loyalty.js"');
    expect(html).toContain(`data-api="http://localhost/v1/console/preview/${encoded}"`);
    const token = html.match(/data-customer-token="([^"]+)"/)?.[1] ?? "";
    const payload = await e.call("GET", `/v1/console/preview/${encoded}/v1/shops/demo/widget?token=${token}`);
    expect(payload.status).toBe(200);
    expect(payload.json.theme.accent).toBe("#aa0000");
    expect(payload.json.customer.balance).toBeGreaterThan(0);
    // the sample shopper is never stored
    expect((await e.call("GET", "/v1/customers/console-preview", { headers: e.asShop })).status).toBe(404);
  });

  it("needs the session for the page and the preview token for its data", async () => {
    const encoded = draft((await e.consoleCall("GET", "/theme")).json.theme);
    expect((await e.call("GET", `/console/preview?theme=${encoded}`)).status).toBe(401);
    const shopperToken = e.token("ana");
    expect((await e.call("GET", `/v1/console/preview/${encoded}/v1/shops/demo/widget?token=${shopperToken}`)).status).toBe(401);
    expect((await e.call("GET", `/v1/console/preview/${encoded}/v1/shops/demo/widget`)).status).toBe(401);
  });
});
