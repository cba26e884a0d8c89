// @vitest-environment-options {"url": "http://127.0.0.1:5999/", "settings": {"fetch": {"disableSameOriginPolicy": true}}}
import { fireEvent, waitFor } from "@testing-library/preact";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { boot } from "../../widget/boot/page-api.ts";
import { bootWidget, destroyWidget, type Endpoint, importPanel, startEndpoint } from "./support.ts";

let endpoint: Endpoint;

beforeAll(async () => {
  endpoint = await startEndpoint();
  const { json: program } = await endpoint.backend("GET", "/v1/program");
  // a product reward, whose product is the shop's identifier (never shown)
  const mug = { id: "mug", kind: "free_product", product: "sku-mug-0042", cost: 2000, title: { es: "Taza de regalo" }, codeValidityDays: 30 };
  await endpoint.backend("PUT", "/v1/program", {
    ...program,
    rewards: [...program.rewards, mug],
    links: { join: "https://shop.example/join", signIn: "https://shop.example/login" },
  });
});
afterAll(() => endpoint?.stop());
afterEach(destroyWidget);

const loyalty = (...args: unknown[]) => (window as unknown as { Loyalty: (...args: unknown[]) => void }).Loyalty(...args);

test("guest: the invitation with join and sign-in links, every reward with its cost, and no redeem button", async () => {
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es" });
  const launcher = screen.getByRole("button", { name: "Mis puntos" });
  fireEvent.click(launcher);
  expect(await screen.findByRole("dialog", { name: "Club de puntos" })).toBeTruthy();
  expect((await screen.findByRole("link", { name: "Únete gratis" })).getAttribute("href")).toBe("https://shop.example/join");
  expect(screen.getByRole("link", { name: "Inicia sesión" }).getAttribute("href")).toBe("https://shop.example/login");
  expect(screen.getByText("Gana puntos en cada compra")).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Invitar" })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Premios" }));
  expect((await screen.findAllByText(/^\d+ puntos$/, { selector: ".cost" })).map((cost) => cost.textContent)).toEqual([
    "300 puntos",
    "500 puntos",
    "1000 puntos",
    "2000 puntos",
  ]);
  expect(screen.getByText("Únete o inicia sesión para canjear premios.")).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Canjear" })).toBeNull();
});

test("rewards say what they are once, in the shop's currency, with no product identifier", async () => {
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es" });
  loyalty("open", "rewards");
  const rewards = await screen.findAllByText(/.+/, { selector: "[part=reward] .row-text > b" });
  expect(rewards.map((title) => title.textContent)).toEqual(["Envío gratis", "5\u00a0€ de descuento", "10 % de descuento", "Taza de regalo"]);
  expect(document.querySelector("[data-loyalty-host]")?.shadowRoot?.textContent).not.toContain("sku-mug-0042");
});

test("English, with plural forms: 1 point, and what is missing for the next reward", async () => {
  await endpoint.backend("POST", "/v1/customers/one/adjustments", { id: "one-1", points: 1, reason: "hi" });
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "en", customerToken: endpoint.token("one") });
  expect(screen.getByRole("button", { name: /My points/ }).textContent).toContain("299 points to go");
  fireEvent.click(screen.getByRole("button", { name: /My points/ }));
  expect(await screen.findByText("1 point", { selector: "[part=balance] b" })).toBeTruthy();
  expect(await screen.findByText("299 points to go for Free shipping")).toBeTruthy();
});

test("the Earn section lists every way to earn with its points, and the tiers", async () => {
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es" });
  loyalty("open", "earn");
  const ways = await screen.findAllByText(/.+/, { selector: "[part=earn-action] b" });
  expect(ways.map((way) => way.textContent)).toEqual(["Haz un pedido", "Invita a un amigo"]);
  expect(screen.getByText("1 punto por cada 1 €. En la tienda online y en nuestras tiendas físicas")).toBeTruthy();
  expect(screen.getByText("+200 puntos")).toBeTruthy();
  expect(screen.getAllByText(/.+/, { selector: "[part=tier] b" }).map((tier) => tier.textContent)).toEqual(["Bronce", "Plata", "Oro"]);
});

test("Escape closes the panel and Loyalty('open', section) opens at that section", async () => {
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es" });
  loyalty("open", "earn");
  const dialog = await screen.findByRole("dialog");
  expect(await screen.findByText("Formas de ganar puntos")).toBeTruthy();
  fireEvent.keyDown(dialog, { key: "Escape" });
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
});

test("a data-locale without texts falls to the browser's language; a changed data-locale counts at the next load (logout)", async () => {
  const script = document.createElement("script");
  Object.assign(script.dataset, { shop: "demo", api: endpoint.url, locale: "nl-NL" });
  boot(script, { importPanel });
  const label = () => document.querySelector("[data-loyalty-host]")?.shadowRoot?.querySelector(".launcher-label")?.textContent;
  // no texts in Dutch: the next candidate, the browser's language (en-US here)
  await waitFor(() => expect(label()).toBe("My points"));
  script.dataset.locale = "es";
  loyalty("logout");
  await waitFor(() => expect(label()).toBe("Mis puntos"));
});
