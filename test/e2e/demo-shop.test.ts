import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { saveScreenshot } from "./support/screenshot.ts";
import { launchBrowser } from "./support/browser.ts";
import { type RunningDemo, startDemo } from "./demo-support.ts";

// The whole product as `npm start` runs it: the endpoint and the demo shop on two origins, a real
// SQLite file, the built widget, and Chromium clicking through the shop as a shopper would.
let demo: RunningDemo;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const screenshots = "test-results/screenshots";

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  demo = await startDemo();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const shot = (name: string) => saveScreenshot(page, `demo-${name}`);
const visit = (path: string) => page.goto(`${demo.shop}${path}`);
/** An element's text with no-break spaces (as Intl formats money) made plain. */
const text = async (selector: string) => (await page.locator(selector).first().textContent())?.replace(/\u00a0/g, " ");
const points = (text: string | null) => Number((text ?? "").replace(/[−–]/g, "-").replace(/[^\d-]/g, ""));
const balanceOf = async (customerId: string): Promise<number> => (await demo.backend(`/v1/customers/${customerId}`)).balance;

async function openWidget() {
  const panel = page.locator("[part=panel]");
  if (!(await panel.isVisible())) await page.locator("[part=launcher]").click();
  await panel.waitFor();
  return panel;
}

/** The balance the widget shows on its home section. */
async function widgetBalance() {
  await openWidget();
  return points(await page.locator("[part=balance] b").textContent());
}

async function signIn(customerId: string) {
  await visit("/cuenta/entrar");
  await page.locator(`[data-shopper=${customerId}]`).click();
  await page.waitForURL(`${demo.shop}/`);
}

async function addToCart(productName: string) {
  await visit("/");
  await page.locator(".product-card", { hasText: productName }).getByRole("button").click();
  await page.waitForURL(`${demo.shop}/carrito`);
}

/** Checks out the cart and returns the order number from the thank-you page. */
async function checkout() {
  await visit("/pagar");
  await page.getByRole("button", { name: /Confirmar y pagar|Confirm and pay/ }).click();
  await page.waitForURL(/\/pedido\//);
  return decodeURIComponent(page.url().split("/pedido/")[1] ?? "");
}

test("a guest sees the shop in Spanish with the widget's invitation, embedded exactly as the README shows", async () => {
  await visit("/");
  expect(await page.getAttribute("html", "lang")).toBe("es");
  await expect.poll(() => page.locator("[part=launcher]").isVisible()).toBe(true);
  const embed = await page.evaluate(() =>
    [...document.querySelectorAll("script")].filter((script) => script.src.endsWith("/loyalty.js")).map((script) => script.outerHTML),
  );
  expect(embed).toEqual([`<script async="" src="${demo.endpoint}/loyalty.js" data-shop="demo"></script>`]);
  const panel = await openWidget();
  await expect.poll(() => panel.textContent()).toContain("Gana puntos en cada compra");
  expect(await page.locator("[part=balance]").count()).toBe(0);
  expect(await panel.getByRole("link", { name: "Únete gratis" }).getAttribute("href")).toBe(`${demo.shop}/cuenta/entrar`);
  await shot("guest-es");
});

test("a shopper close to a reward signs in and sees her balance and progress in the widget", async () => {
  await signIn("mateo");
  const details = await demo.backend("/v1/customers/mateo");
  expect(details.nextReward.missing).toBeGreaterThan(0);
  const embed = await page.locator(`script[src="${demo.endpoint}/loyalty.js"]`).getAttribute("data-customer-token");
  expect(embed?.split(".")).toHaveLength(3);
  expect(await widgetBalance()).toBe(details.balance);
  const panel = page.locator("[part=panel]");
  await expect.poll(() => panel.textContent()).toContain(`Te faltan ${details.nextReward.missing} puntos para `);
  expect(await page.locator("[part=progress]").getAttribute("aria-valuemax")).toBe(String(details.nextReward.cost));
  // The shop's page carries no secret: only the short-lived token.
  const html = await page.content();
  expect(html).not.toContain("sk_");
  expect(html).not.toContain("ss_");
  await shot("member-progress");
});

test("buying online reports the order and its points arrive in the widget", async () => {
  const before = await balanceOf("mateo");
  await addToCart("Tetera de hierro fundido");
  await addToCart("Taza de gres terracota");
  expect(await text("[data-total=goods]")).toBe("67,90 €");
  expect(await text("[data-total=shipping]")).toBe("Gratis");
  await shot("cart");
  const orderId = await checkout();
  const earned = Number(await page.locator("[data-points-earned]").getAttribute("data-points-earned"));
  expect(earned).toBeGreaterThanOrEqual(67);
  await shot("order-placed");
  const ledger = (await demo.backend("/v1/customers/mateo")).ledger as { points: number; orderId?: string }[];
  expect(ledger.some((entry) => entry.points === earned)).toBe(true);
  expect(await balanceOf("mateo")).toBe(before + earned);
  expect(await widgetBalance()).toBe(before + earned);
  expect(orderId).toMatch(/^W-/);
});

test("a reward redeemed in the widget lands in the cart, is applied at checkout and is then marked used", async () => {
  await addToCart("Café de especialidad Huila");
  expect(await text("[data-total=shipping]")).toBe("3,95 €");
  await openWidget();
  await page.locator("[part=panel]").getByRole("button", { name: "Premios", exact: true }).click();
  // the demo's raffle, open since the first start, under the rewards
  const raffle = page.locator("[part=raffle]", { hasText: "Sorteo de la cesta de invierno" });
  await raffle.scrollIntoViewIfNeeded();
  expect(await raffle.textContent()).toContain("Premio: una cesta de productos de temporada. 100 puntos por participación");
  await shot("rewards-raffle");
  const reward = page.locator("[part=reward]", { hasText: "Envío gratis" });
  await reward.getByRole("button", { name: "Canjear" }).click();
  await reward.getByRole("button", { name: "Sí, canjear" }).click();
  // shop.js hands the code from loyalty:redeemed to the cart, and the cart page reloads with it: the widget's card with the
  // code may be gone before it can be read, so the code is read where it lands
  await expect.poll(() => page.locator("[data-code-status]").getAttribute("data-code-status"), { timeout: 10_000 }).toBe("applied");
  const code = await page.locator("#code").inputValue();
  expect(code).toMatch(/\S{6,}/);
  expect((await demo.backend("/v1/customers/mateo")).ledger.some((entry: { kind: string }) => entry.kind === "redeem")).toBe(true);
  expect(await text("[data-total=shipping]")).toBe("Gratis");
  expect(await text("[data-total=total]")).toBe("12,50 €");
  expect((await demo.backend(`/v1/discount-codes/${code}`)).status).toBe("usable");
  await shot("cart-with-code");

  const orderId = await checkout();
  expect(await page.locator("[data-code-result]").getAttribute("data-code-result")).toBe("applied");
  const used = await demo.backend(`/v1/discount-codes/${code}`);
  expect(used).toMatchObject({ status: "used", usedByOrder: orderId });

  // The same code typed again is refused.
  await addToCart("Café de especialidad Huila");
  await page.locator("#code").fill(code);
  await page.getByRole("button", { name: "Aplicar" }).click();
  await expect.poll(() => page.locator("[data-code-status]").textContent()).toContain("ya se ha usado");
  expect(await text("[data-total=shipping]")).toBe("3,95 €");
  await page.getByRole("button", { name: "Quitar", exact: true }).click();
});

test("refunding an order takes its points back", async () => {
  await visit("/cuenta/pedidos");
  const order = page.locator(".order").first();
  const orderId = (await order.getAttribute("data-order")) ?? "";
  const earned = points(await order.locator("[data-order-points]").textContent());
  const before = await balanceOf("mateo");
  await order.getByRole("button", { name: /Reembolsar/ }).click();
  await page.waitForURL(`${demo.shop}/cuenta/pedidos`);
  await expect.poll(() => page.locator(".flash-ok").textContent()).toContain(`se han descontado ${earned} puntos`);
  expect(await page.locator(`[data-order="${orderId}"]`).textContent()).toContain("Reembolsado");
  expect(await balanceOf("mateo")).toBe(before - earned);
  expect(await widgetBalance()).toBe(before - earned);
  await shot("refunded");
});

test("an in-store purchase recorded at the counter is credited on the same balance", async () => {
  const before = await balanceOf("mateo");
  await visit("/mostrador");
  expect(await page.locator("select[name=customer]").inputValue()).toBe("mateo");
  expect(Number(await page.locator("[data-counter-balance]").getAttribute("data-counter-balance"))).toBe(before);
  await page.locator("input[name=amount]").fill("24,90");
  await page.getByRole("button", { name: "Registrar compra en tienda" }).click();
  await expect.poll(() => page.locator(".flash-ok").textContent()).toContain("Compra en tienda");
  const after = await balanceOf("mateo");
  expect(after).toBeGreaterThanOrEqual(before + 24);
  const store = (await demo.backend("/v1/customers/mateo")).ledger.find((entry: { points: number }) => entry.points === after - before);
  expect(store).toBeTruthy();
  expect(await widgetBalance()).toBe(after);
  await visit("/cuenta/pedidos");
  expect(await page.locator(".order").first().locator(".badge-store").textContent()).toBe("En tienda");
  await shot("store-purchase");
});

test("a referral link from one shopper brings a new one, whose first order credits the referrer", async () => {
  await visit("/");
  await openWidget();
  await page.locator("[part=panel]").getByRole("button", { name: "Invitar" }).click();
  const link = await page.locator("[part=referral-link]").inputValue();
  expect(link.startsWith(`${demo.shop}/?ref=`)).toBe(true);
  const program = await demo.backend("/v1/program");
  const referrerBefore = await balanceOf("mateo");

  // The friend, in another browser profile: arrives through the link as a guest.
  const friend = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const memberPage = page;
  page = await friend.newPage();
  try {
    await page.goto(link);
    const welcome = (await page.locator("[part=wallet] [part=reward-code]").textContent())?.trim() ?? "";
    expect(welcome).toMatch(/^AMIGO/);
    await shot("referral-landing");
    await signIn("lucia");
    await addToCart("Olivo en maceta de barro");
    await page.locator("#code").fill(welcome);
    await page.getByRole("button", { name: "Aplicar" }).click();
    await expect.poll(() => page.locator("[data-code-status]").getAttribute("data-code-status")).toBe("applied");
    expect(await text("[data-total=discount]")).toBe("−5,00 €");
    await checkout();
    expect(await page.locator("[data-referral]").getAttribute("data-referral")).toBe("credited");
    await shot("referral-order");
  } finally {
    await friend.close();
    page = memberPage;
  }
  expect(await balanceOf("mateo")).toBe(referrerBefore + program.referral.referrerPoints);
  await visit("/");
  expect(await widgetBalance()).toBe(referrerBefore + program.referral.referrerPoints);
});

test("the English switch translates the shop and the widget, and signing out returns to the guest view", async () => {
  await visit("/");
  await page.getByRole("link", { name: "EN", exact: true }).click();
  await page.waitForURL(`${demo.shop}/`);
  expect(await page.getAttribute("html", "lang")).toBe("en");
  expect(await page.locator(".hero h1").textContent()).toBe("A new season, from the same workshops as ever");
  const balance = await balanceOf("mateo");
  const panel = await openWidget();
  await expect.poll(() => page.locator("[part=balance]").textContent()).toContain(`${balance} points`);
  expect(await panel.getByRole("button", { name: "Rewards", exact: true }).count()).toBe(1);
  await shot("member-en");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(`${demo.shop}/`);
  expect(await page.locator(`script[src="${demo.endpoint}/loyalty.js"]`).getAttribute("data-customer-token")).toBeNull();
  await openWidget();
  expect(await page.locator("[part=balance]").count()).toBe(0);
  await shot("guest-en");
  await page.getByRole("link", { name: "ES", exact: true }).click();
});
