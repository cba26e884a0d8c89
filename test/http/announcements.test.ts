import { afterEach, describe, expect, it } from "vitest";
import type { Announcement } from "../../contract/index.ts";
import { HOUR } from "../../contract/time.ts";
import { type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

// Contract 7.4, announcements: program news per language, shown in the widget from startsAt until endsAt.

const START = Date.parse("2026-11-20T10:00:00Z");
const clock = { now: START };
let e: TestEndpoint;
afterEach(async () => {
  await e.close();
  clock.now = START;
});

const at = (offset: number) => new Date(START + offset).toISOString();
const news = (overrides: Partial<Announcement> = {}): Announcement => ({
  id: "black-friday",
  title: { es: "Puntos dobles el viernes", en: "Double points on Friday" },
  body: { es: "Todo el día, en la tienda y online.", en: "All day, in store and online." },
  startsAt: at(HOUR),
  endsAt: at(5 * HOUR),
  ...overrides,
});
const guest = () => e.call("GET", "/v1/shops/demo/widget");

describe("announcements", () => {
  it("show while current, with a revision that changes when their words do", async () => {
    e = await testEndpoint({ clock });
    await e.setProgram((program) => ({ ...program, announcements: [news(), news({ id: "old-news", startsAt: at(-5 * HOUR), endsAt: at(-HOUR) })] }));
    const before = await guest();
    expect(before.json.program.announcements).toBeUndefined();

    clock.now = START + 2 * HOUR;
    const during = await guest();
    expect(during.json.program.announcements).toEqual([expect.objectContaining({ id: "black-friday", title: news().title, body: news().body })]);
    const { revision } = during.json.program.announcements[0];
    expect(revision).toMatch(/^[\w-]{12}$/);
    // a guest's cached answer does not outlive the start of an announcement: the content part of its ETag changes
    const content = (etag: string | null) => etag?.split(".")[0];
    expect(content(during.headers.get("etag"))).not.toBe(content(before.headers.get("etag")));
    const member = (await e.call("GET", `/v1/shops/demo/widget?token=${e.token("ana")}`)).json;
    expect(member.program.announcements[0].revision).toBe(revision);
    // the boot answer carries them too, with the clock's changes
    const boot = (await e.call("GET", `/v1/shops/demo/widget?view=boot&token=${e.token("ana")}`)).json;
    expect(boot.announcements).toEqual(during.json.program.announcements);
    expect((await e.call("GET", "/v1/shops/demo/widget?view=boot")).json.announcements).toEqual(during.json.program.announcements);

    await e.setProgram((program) => ({ ...program, announcements: [news({ body: { es: "Todo el día." } })] }));
    expect((await guest()).json.program.announcements[0].revision).not.toBe(revision);

    clock.now = START + 5 * HOUR;
    expect((await guest()).json.program.announcements).toBeUndefined();
    expect((await e.call("GET", "/v1/shops/demo/widget?view=boot")).json).not.toHaveProperty("announcements");
  });

  it("need an end after their start and ids of their own", async () => {
    e = await testEndpoint({ clock });
    const current = (await e.call("GET", "/v1/program", { headers: e.asShop })).json;
    const backwards = await e.call("PUT", "/v1/program", { headers: e.asShop, body: { ...current, announcements: [news({ endsAt: at(0) })] } });
    expect(backwards.status).toBe(400);
    const twice = await e.call("PUT", "/v1/program", { headers: e.asShop, body: { ...current, announcements: [news(), news()] } });
    expect(twice.status).toBe(400);
    expect(twice.json.error.message).toMatch(/used twice/);
  });
});
