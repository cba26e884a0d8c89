import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetLink } from "../../server/operations/console/marketers.ts";
import { migrations } from "../../server/storage/migrations.ts";
import { freshDriver } from "../support/database.ts";
import { type ConsoleEndpoint, consoleEndpoint, MARKETER } from "./console-support.ts";

let e: ConsoleEndpoint;
const log: string[] = [];
const clock = { now: Date.parse("2025-03-04T10:00:00Z") };
beforeEach(async () => {
  log.length = 0;
  clock.now = Date.parse("2025-03-04T10:00:00Z");
  e = await consoleEndpoint({ clock, log: (line) => log.push(line) });
  await e.signIn();
});
afterEach(() => e.close());

const OTHER_SHOP = { id: "second", name: "Second", allowedOrigins: [], defaultLocale: "en", currency: "EUR" };

describe("accounts by email, shops by membership", () => {
  it("signs in with email and password alone, straight into the only shop", async () => {
    const browser = e.browser();
    const response = await browser.signIn({ shop: undefined });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ shop: { id: "demo" }, role: "owner", shops: [{ id: "demo", name: "Demo", role: "owner" }] });
  });

  it("lists every shop a person may manage, lets them choose, and remembers the last one", async () => {
    await e.services.settings.createShop(OTHER_SHOP);
    const { saveMarketer } = await import("../../server/operations/console/accounts.ts");
    const two = { email: "two@shop.example", password: "two shops' password", shop: undefined };
    await saveMarketer(e.services, "demo", two.email, two.password, "owner");
    await saveMarketer(e.services, "second", two.email, two.password, "viewer");
    const browser = e.browser();
    const first = await browser.signIn(two);
    expect(first.json.shop).toBeNull();
    expect(first.json.shops.map((shop: { id: string; role: string }) => `${shop.id}:${shop.role}`)).toEqual(["demo:owner", "second:viewer"]);
    expect((await browser.call("GET", "/program")).status).toBe(403);
    const chosen = await browser.call("PUT", "/session/shop", { body: { shop: "second" } });
    expect(chosen.json).toMatchObject({ shop: { id: "second" }, role: "viewer" });
    expect((await browser.call("PUT", "/theme", { body: { accent: "#000000" } })).status).toBe(403);
    expect((await browser.call("PUT", "/session/shop", { body: { shop: "elsewhere" } })).status).toBe(403);
    const again = await e.browser().signIn(two);
    expect(again.json.shop.id).toBe("second");
    expect((await e.browser().signIn({ ...two, shop: "demo" })).json.role).toBe("owner");
  });

  it("moves each per-shop marketer of an older database into an account that owns their shop", async () => {
    const dir = mkdtempSync(join(tmpdir(), "loyalty-migrate-"));
    const { driver, drop } = await freshDriver(dir);
    const later = migrations.splice(3);
    try {
      await driver.migrate();
      await driver.transaction(async (tx) => {
        for (const id of ["shop-a", "shop-b"])
          await tx.run(
            "INSERT INTO shops (id, name, allowed_origins, default_locale, currency, secret_key_hash, signing_secret, program, theme, created_at) VALUES (?, ?, '[]', 'es', 'EUR', ?, '[]', '{}', ?, 0)",
            [id, id, `hash-${id}`, JSON.stringify({ launcherLabel: "Un texto para el botón demasiado largo", locales: {} })],
          );
        await tx.run("INSERT INTO marketers (shop_id, email, password_hash, created_at) VALUES ('shop-a', 'ana@x.example', 'scrypt$old', 1)");
        await tx.run("INSERT INTO marketers (shop_id, email, password_hash, created_at) VALUES ('shop-b', 'ana@x.example', 'scrypt$new', 2)");
        await tx.run("INSERT INTO marketers (shop_id, email, password_hash, created_at) VALUES ('shop-b', 'bo@x.example', 'scrypt$bo', 3)");
      });
    } finally {
      migrations.push(...later);
    }
    expect(await driver.migrate()).toBe(later.length);
    expect(await driver.read.all("SELECT email, password_hash FROM console_accounts ORDER BY email")).toEqual([
      { email: "ana@x.example", password_hash: "scrypt$new" },
      { email: "bo@x.example", password_hash: "scrypt$bo" },
    ]);
    expect(await driver.read.all("SELECT shop_id, email, role FROM console_memberships ORDER BY shop_id, email")).toEqual([
      { shop_id: "shop-a", email: "ana@x.example", role: "owner" },
      { shop_id: "shop-b", email: "ana@x.example", role: "owner" },
      { shop_id: "shop-b", email: "bo@x.example", role: "owner" },
    ]);
    // a launcher label longer than the new limit of 24 is cut, so the stored theme still parses
    const theme = await driver.read.one<{ theme: string }>("SELECT theme FROM shops WHERE id = 'shop-a'");
    expect(JSON.parse(theme?.theme ?? "{}").launcherLabel).toBe("Un texto para el botón d");
    await driver.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("invitations", () => {
  it("an owner invites a new marketer: a one-time link, shown once and logged; accepting sets the password and signs them in", async () => {
    const invited = await e.consoleCall("POST", "/marketers/invites", { body: { email: "Nora@Shop.Example", role: "editor" } });
    expect(invited.status).toBe(201);
    expect(invited.json).toMatchObject({ kind: "invite", email: "nora@shop.example", expiresAt: "2025-03-11T10:00:00.000Z" });
    expect(invited.json.link).toMatch(/^http:\/\/localhost\/console\/#link=[\w-]{32}$/);
    expect(log.some((line) => line.includes(invited.json.link) && line.includes("nora@shop.example"))).toBe(true);
    expect((await e.consoleCall("GET", "/marketers")).json.invites).toEqual([
      { email: "nora@shop.example", role: "editor", invitedBy: MARKETER.email, expiresAt: "2025-03-11T10:00:00.000Z" },
    ]);
    const token = invited.json.link.split("#link=")[1];
    const info = await e.call("POST", "/v1/console/links/lookup", { headers: { origin: "http://localhost" }, body: { token } });
    expect(info.json).toMatchObject({ kind: "invite", email: "nora@shop.example", shop: { id: "demo" }, role: "editor", accountExists: false });

    const nora = e.browser();
    expect((await nora.accept(invited.json.link, "short")).status).toBe(400);
    const accepted = await nora.accept(invited.json.link, "a long new password");
    expect(accepted.status).toBe(201);
    expect(accepted.json).toMatchObject({ email: "nora@shop.example", shop: { id: "demo" }, role: "editor" });
    expect((await nora.call("PUT", "/theme", { body: { programName: "Club Nora" } })).status).toBe(200);
    // once only
    expect((await e.browser().accept(invited.json.link, "a long new password")).status).toBe(404);
    expect((await e.browser().signIn({ email: "nora@shop.example", password: "a long new password" })).status).toBe(201);
    const marketers = (await e.consoleCall("GET", "/marketers")).json;
    expect(marketers.invites).toEqual([]);
    expect(marketers.marketers.map((marketer: { email: string; role: string }) => `${marketer.email}:${marketer.role}`)).toEqual([
      `${MARKETER.email}:owner`,
      "nora@shop.example:editor",
    ]);
    const actions = (await e.consoleCall("GET", "/audit")).json.entries.map(
      (entry: { action: string; actor: string }) => `${entry.actor} ${entry.action}`,
    );
    expect(actions.slice(0, 3)).toEqual(["nora@shop.example theme.saved", "nora@shop.example marketer.joined", `${MARKETER.email} marketer.invited`]);
  });

  it("an invitation never changes an existing account's password: it is accepted with the current one", async () => {
    await e.services.settings.createShop(OTHER_SHOP);
    const { saveMarketer } = await import("../../server/operations/console/accounts.ts");
    await saveMarketer(e.services, "second", "olga@shop.example", "olga's own password");
    const invited = await e.consoleCall("POST", "/marketers/invites", { body: { email: "olga@shop.example", role: "viewer" } });
    const olga = e.browser();
    expect((await olga.accept(invited.json.link, "a password of the inviter's choosing")).status).toBe(403);
    const accepted = await olga.accept(invited.json.link, "olga's own password");
    expect(accepted.status).toBe(201);
    expect(accepted.json.shops.map((shop: { id: string }) => shop.id).sort()).toEqual(["demo", "second"]);
  });

  it("expires after 7 days, and a new invitation replaces an open one", async () => {
    const first = await e.consoleCall("POST", "/marketers/invites", { body: { email: "pia@shop.example", role: "viewer" } });
    const second = await e.consoleCall("POST", "/marketers/invites", { body: { email: "pia@shop.example", role: "editor" } });
    expect((await e.browser().accept(first.json.link, "pia's long password")).status).toBe(404);
    clock.now += 7 * 86_400_000 + 1;
    expect((await e.browser().accept(second.json.link, "pia's long password")).status).toBe(404);
    await e.signIn();
    expect((await e.consoleCall("POST", "/marketers/invites", { body: { email: MARKETER.email, role: "viewer" } })).status).toBe(409);
  });
});

describe("roles and removals", () => {
  it("changes roles, keeps at least one owner, and ends a removed marketer's sessions on the shop", async () => {
    const eddie = await e.marketer("eddie@shop.example", "editor");
    expect((await e.consoleCall("PUT", `/marketers/${MARKETER.email}`, { body: { role: "editor" } })).status).toBe(409);
    expect((await e.consoleCall("DELETE", `/marketers/${MARKETER.email}`)).status).toBe(409);
    expect((await e.consoleCall("PUT", "/marketers/eddie@shop.example", { body: { role: "viewer" } })).status).toBe(200);
    // the new role counts on the next request
    expect((await eddie.call("PUT", "/theme", { body: { programName: "Club" } })).status).toBe(403);
    expect((await e.consoleCall("DELETE", "/marketers/eddie@shop.example")).status).toBe(200);
    expect((await eddie.call("GET", "/theme")).status).toBe(401);
    const after = await e.browser().signIn({ email: "eddie@shop.example", password: "another long password", shop: undefined });
    expect(after.json).toMatchObject({ shops: [], shop: null });
  });
});

describe("passwords", () => {
  it("a signed-in marketer changes their own password; their other sessions end", async () => {
    const elsewhere = e.browser();
    await elsewhere.signIn();
    expect(
      (await e.consoleCall("PUT", "/session/password", { body: { currentPassword: "not it", newPassword: "a brand new password" } })).status,
    ).toBe(403);
    expect(
      (await e.consoleCall("PUT", "/session/password", { body: { currentPassword: MARKETER.password, newPassword: "a brand new password" } })).status,
    ).toBe(200);
    expect((await e.consoleCall("GET", "/session")).status).toBe(200);
    expect((await elsewhere.call("GET", "/session")).status).toBe(401);
    expect((await e.browser().signIn()).status).toBe(401);
    expect((await e.browser().signIn({ password: "a brand new password" })).status).toBe(201);
  });

  it("an owner makes a reset link for a marketer who works only on shops the owner owns; using it sets the password", async () => {
    await e.marketer("rita@shop.example", "viewer");
    const made = await e.consoleCall("POST", "/marketers/rita@shop.example/reset-link");
    expect(made.status).toBe(201);
    expect(log.some((line) => line.includes(made.json.link))).toBe(true);
    const rita = e.browser();
    const accepted = await rita.accept(made.json.link, "rita's newer password");
    expect(accepted.json).toMatchObject({ email: "rita@shop.example", shop: { id: "demo" } });
    expect((await e.browser().signIn({ email: "rita@shop.example", password: "rita's newer password" })).status).toBe(201);
  });

  it("refuses a reset link for a marketer who also works on a shop the owner does not own", async () => {
    await e.marketer("sol@shop.example", "editor");
    await e.services.settings.createShop(OTHER_SHOP);
    await e.driver.transaction((tx) =>
      tx.run("INSERT INTO console_memberships (shop_id, email, role, created_at) VALUES ('second', 'sol@shop.example', 'owner', 0)"),
    );
    const refused = await e.consoleCall("POST", "/marketers/sol@shop.example/reset-link");
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toContain("npm run console -- reset-password");
    // the command line on the endpoint's machine may
    const link = await resetLink(e.services, null, "cli", "sol@shop.example", "http://localhost");
    expect((await e.browser().accept(link.link, "sol's fresh password")).status).toBe(201);
  });
});
