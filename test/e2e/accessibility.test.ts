import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { saveMarketer } from "../../server/operations/console/accounts.ts";
import { type RunningEndpoint, startTestEndpoint } from "../support/server.ts";
import { audit } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { saveScreenshot } from "./support/screenshot.ts";
import { type HostPage, shopPage, startHostPage } from "./support/host-page.ts";

// axe-core with WCAG 2.2 AA and best practices on every view of the widget (both schemes, desktop and phone widths, guest and
// member) and of the console. Each failure names the rule, its impact and the element.

let host: HostPage;
let endpoint: RunningEndpoint;
let browser: Browser;
let referralCode = "";

beforeAll(async () => {
  host = await startHostPage();
  endpoint = await startTestEndpoint({ allowedOrigins: [host.origin] });
  browser = await launchBrowser();
  const { json: program } = await endpoint.backend("GET", "/v1/program");
  // a campaign running now, so that the countdown and the campaign line are audited too
  const campaign = { id: "week", kind: "range", name: { es: "Semana doble" }, multiplier: 2 };
  const raffle = { title: { es: "Sorteo de invierno" }, prize: { es: "Una cesta" }, entryCost: 100, maxEntriesPerCustomer: 3 };
  const now = Date.now();
  await endpoint.backend("PUT", "/v1/program", {
    ...program,
    links: { join: "https://shop.example/join", signIn: "https://shop.example/login" },
    campaigns: [{ ...campaign, startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 7_200_000).toISOString() }],
    // an open raffle and one to come, under the rewards (contract 7.4)
    raffles: [
      { ...raffle, id: "open", opensAt: new Date(now - 3_600_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString() },
      { ...raffle, id: "soon", opensAt: new Date(now + 3_600_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString() },
    ],
  });
  await saveMarketer(endpoint.services, "demo", "marketing@example.com", "a long console password");
  await seedMember("referrer");
});
afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
  await host?.stop();
});

/** A member with points to redeem, a few ledger entries and one visit through their referral link. */
async function seedMember(id: string) {
  for (const [index, points] of [700, 40, -20].entries())
    await endpoint.backend("POST", `/v1/customers/${id}/adjustments`, { id: `${id}-${index}`, points, reason: `Regalo ${index}` });
  const payload = await fetch(`${endpoint.url}/v1/shops/demo/widget?token=${endpoint.token(id)}`).then((response) => response.json());
  referralCode = payload.customer.referral.code;
  await fetch(`${endpoint.url}/v1/shops/demo/referral-visits`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: host.origin },
    body: JSON.stringify({ code: referralCode }),
  });
}

async function shopperPage(options: { width: number; scheme: string; token?: string; search?: string }) {
  host.serve(shopPage({ endpoint: endpoint.url, token: options.token, extra: `data-theme-color-scheme="${options.scheme}"` }));
  const context = await browser.newContext({ viewport: { width: options.width, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${host.origin}/${options.search ?? ""}`);
  await page.locator("[part=launcher]").waitFor();
  return page;
}

const openSection = (page: Page, section: string) =>
  page.evaluate((name) => (window as unknown as { Loyalty: (command: string, section: string) => void }).Loyalty("open", name), section);

/**
 * The page-level landmarks (banner, main, contentinfo) that Chromium's accessibility tree places inside the widget's shadow root:
 * the host page owns those, and the widget must never add a second one. Its dialog, named, is its own.
 */
async function pageLandmarksInWidget(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const found: string[] = [];
  for (const role of ["banner", "main", "contentinfo"]) {
    const { nodes } = await cdp.send("Accessibility.queryAXTree", { nodeId: root.nodeId, role });
    for (const node of nodes) {
      const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: node.backendDOMNodeId });
      const inWidget = await cdp.send("Runtime.callFunctionOn", {
        objectId: object.objectId ?? "",
        functionDeclaration: "function () { return this.getRootNode() !== document }",
        returnByValue: true,
      });
      if (inWidget.result.value) found.push(role);
    }
  }
  await cdp.detach();
  return found;
}

/** Audits the widget as it is now, and checks it adds none of the page's landmarks. */
async function expectAccessible(page: Page, where: string) {
  expect(await audit(page, "[data-loyalty-host]"), `axe violations in the widget: ${where}`).toEqual([]);
  expect(await pageLandmarksInWidget(page), `page landmarks inside the widget: ${where}`).toEqual([]);
  const panel = page.locator("[part=panel]");
  if (!(await panel.count())) return;
  expect(await page.getByRole("dialog", { name: "Club de puntos" }).count()).toBe(1);
  // reflow (WCAG 1.4.10): the panel fits the viewport, down to a phone's width
  const box = await panel.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.x >= 0 && box.x + box.width <= viewport.width, `the panel fits the viewport: ${where}`).toBe(true);
}

for (const scheme of ["light", "dark"])
  for (const width of [1280, 360]) {
    test(`widget, ${scheme}, ${width}px: every guest view passes axe (WCAG 2.2 AA, best practices)`, async () => {
      const page = await shopperPage({ width, scheme });
      await expectAccessible(page, "guest, launcher closed");
      for (const section of ["home", "earn", "rewards"]) {
        await openSection(page, section);
        await page.locator("[part=panel]").waitFor();
        await expectAccessible(page, `guest, ${section}`);
      }
      await page.context().close();
      // a friend arriving through a referral link: the welcome offer and its code
      const friend = await shopperPage({ width, scheme, search: `?ref=${referralCode}` });
      await friend.locator("[part=reward-code]").waitFor();
      await expectAccessible(friend, "guest, referral welcome");
      await friend.context().close();
    });

    test(`widget, ${scheme}, ${width}px: every member view passes axe, through a redemption's states`, async () => {
      const id = `member-${scheme}-${width}`;
      await seedMember(id);
      const page = await shopperPage({ width, scheme, token: endpoint.token(id) });
      await expectAccessible(page, "member, launcher closed");
      for (const section of ["home", "earn", "rewards", "referral", "activity"]) {
        await openSection(page, section);
        await page.locator("[part=panel]").waitFor();
        await expectAccessible(page, `member, ${section}`);
      }
      await openSection(page, "rewards");
      const reward = page.locator("[part=reward]").first();
      await reward.locator("[part=redeem]").click();
      await expectAccessible(page, "member, confirming a redemption");
      await page.route("**/redemptions", (route) => route.abort());
      await reward.locator("[part=redeem]").click();
      await reward.locator("[part=error]").waitFor();
      await expectAccessible(page, "member, a redemption that failed");
      await page.unroute("**/redemptions");
      await reward.locator("[part=redeem]").click();
      await reward.locator("[part=reward-code]").waitFor();
      await expectAccessible(page, "member, the redeemed code");
      // a raffle entered, and an entry whose answer was lost
      const raffle = page.locator("[part=raffle]").first();
      await raffle.locator("[part=raffle-enter]").click();
      await raffle.getByText("Tienes 1 participación de 3").waitFor();
      await expectAccessible(page, "member, a raffle entered");
      await page.route("**/entries", (route) => route.abort());
      await raffle.locator("[part=raffle-enter]").click();
      await raffle.locator("[part=error]").waitFor();
      await expectAccessible(page, "member, a raffle entry that failed");
      await page.context().close();
    });
  }

/** Signs in to the console in a fresh context (axe is injected as a script, which the console's strict CSP would refuse). */
async function consolePage(width: number) {
  const context = await browser.newContext({ locale: "es-ES", viewport: { width, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${endpoint.url}/console`);
  await page.getByLabel("Correo electrónico").waitFor();
  return page;
}

async function expectConsoleAccessible(page: Page, where: string) {
  expect(await audit(page), `axe violations in the console: ${where}`).toEqual([]);
}

for (const width of [1280, 360])
  test(`console, ${width}px: sign-in and every page pass axe (WCAG 2.2 AA, best practices)`, async () => {
    await seedMember(`console-${width}`);
    const page = await consolePage(width);
    await expectConsoleAccessible(page, "sign-in");
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.getByText("Obligatorio").first().waitFor();
    await expectConsoleAccessible(page, "sign-in with errors");
    await page.getByLabel("Correo electrónico").fill("marketing@example.com");
    await page.getByLabel("Contraseña").fill("a long console password");
    await page.getByRole("button", { name: "Entrar" }).click();
    // the theme page, with its preview (the real widget in an iframe) open
    await page.locator("#field-accent").waitFor();
    await page.frameLocator("iframe.preview-frame").locator("[part=launcher]").waitFor();
    await expectConsoleAccessible(page, "theme");
    await page.getByLabel("Mostrar el panel abierto").check();
    await page.frameLocator("iframe.preview-frame").locator("[part=panel]").waitFor();
    await expectConsoleAccessible(page, "theme, preview open");
    await page.locator("#field-accent").fill("#ffff00");
    await page
      .getByText(/Contraste bajo/)
      .first()
      .waitFor();
    // the preview reloads with the new colour in the same frame: audit it once it has
    await expect
      .poll(
        () =>
          page
            .frameLocator("iframe.preview-frame")
            .locator("[part=launcher]")
            .evaluate((e) => getComputedStyle(e).backgroundColor),
        {
          timeout: 15_000,
        },
      )
      .toBe("rgb(255, 255, 0)");
    // the preview draws the low-contrast draft as shoppers would see it (that is what the warning is about): the console around it must pass
    const outsideThePreview = (await audit(page)).filter((line) => !(line.startsWith("color-contrast") && line.includes("iframe |")));
    expect(outsideThePreview, "axe violations in the console: theme, low-contrast warning").toEqual([]);
    for (const [link, check] of [
      ["Programa", "Cómo se ganan puntos"],
      ["Clientes", "Buscar por identificador, correo o nombre"],
      ["Instalación", "Código para pegar en la tienda"],
      ["Analítica", "Embudo de recomendaciones"],
      ["Webhooks", "Aún no hay webhooks"],
      ["Importar", "Importar miembros"],
    ] as const) {
      await page.getByRole("link", { name: link }).click();
      await page.getByText(check).first().waitFor();
      await expectConsoleAccessible(page, link);
    }
    await page.getByRole("link", { name: "Clientes" }).click();
    await page.getByLabel("Buscar por identificador, correo o nombre").fill(`console-${width}`);
    await page.getByRole("button", { name: "Buscar" }).click();
    await page.locator("#customer-title").waitFor();
    await expectConsoleAccessible(page, "a customer's detail");
    await page.context().close();
  });

test("widget: the states this edition adds pass axe too (refused session, wallet and pending points, negative balance, ways to earn, dark with a brand colour at 320 px)", async () => {
  const { json: program } = await endpoint.backend("GET", "/v1/program");
  await endpoint.backend("PUT", "/v1/program", {
    ...program,
    pending: { days: 14 },
    expiry: { monthsInactive: 12, reminderDays: 30 },
    actions: [{ id: "review", kind: "review", points: 50, limit: { count: 3, per: "year" }, title: { es: "Escribe una opinión" } }],
  });
  await endpoint.backend("POST", "/v1/customers/states/adjustments", { id: "states-1", points: 400, reason: "Bienvenida" });
  await endpoint.backend("POST", "/v1/orders", {
    id: "states-order-1",
    customerId: "states",
    subtotal: "80.00",
    currency: "EUR",
    channel: "online",
    discountCodes: [],
    placedAt: new Date().toISOString(),
  });
  await endpoint.backend("POST", "/v1/customers/owes/adjustments", { id: "owes-1", points: -25, reason: "Devolución" });
  const cases = [
    { where: "refused session", token: "not.a.token", width: 1280, scheme: "light", sections: ["home"] },
    { where: "wallet, pending points, ways to earn", token: endpoint.token("states"), width: 1280, scheme: "light", sections: ["earn", "rewards"] },
    { where: "negative balance", token: endpoint.token("owes"), width: 360, scheme: "light", sections: ["home", "rewards"] },
    { where: "dark with a brand colour, 320px", token: endpoint.token("states"), width: 320, scheme: "dark", sections: ["home", "earn", "activity"] },
  ];
  for (const { where, token, width, scheme, sections } of cases) {
    const page = await shopperPage({ width, scheme, token });
    if (where.startsWith("dark"))
      await page.evaluate(() => document.querySelector("script[data-shop]")?.setAttribute("data-theme-accent", "#7c3aed"));
    for (const section of sections) {
      await openSection(page, section);
      await page.locator("[part=panel] .panel-body > *").first().waitFor();
      await expectAccessible(page, `${where}, ${section}`);
      await saveScreenshot(page, `widget-states-${where.split(",")[0]?.replaceAll(" ", "-")}-${section}-${width}`);
    }
    if (where.startsWith("wallet")) {
      // a redemption: its celebration, then the wallet that keeps its code
      await page.locator("[part=reward] [part=redeem]").first().click();
      await page.locator("[part=reward] [part=redeem]").first().click();
      await page.locator("[part=reward] [part=reward-code]").waitFor();
      await expectAccessible(page, `${where}, the redeemed code`);
      await openSection(page, "home");
      await page.locator("[part=wallet]").waitFor();
      await page.locator("[part=pending]").waitFor();
      await expectAccessible(page, `${where}, home with the wallet`);
    }
    await page.context().close();
  }
  await endpoint.backend("PUT", "/v1/program", program);
});
