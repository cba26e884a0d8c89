// @vitest-environment-options {"url": "http://127.0.0.1:5999/", "settings": {"fetch": {"disableSameOriginPolicy": true}}}
import { fireEvent, waitFor } from "@testing-library/preact";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { boot } from "../../widget/boot.ts";
import { bootWidget, destroyWidget, type Endpoint, startEndpoint } from "./support.ts";

let endpoint: Endpoint;

beforeAll(async () => {
  endpoint = await startEndpoint();
  const { json: program } = await endpoint.backend("GET", "/v1/program");
  await endpoint.backend("PUT", "/v1/program", { ...program, links: { join: "https://shop.example/join", signIn: "https://shop.example/login" } });
});
afterAll(() => endpoint?.stop());
afterEach(destroyWidget);

test("guest: the program, join and sign-in links, rewards without redeem buttons", async () => {
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es" });
  const launcher = screen.getByRole("button", { name: "Mis puntos" });
  fireEvent.click(launcher);
  expect(await screen.findByRole("dialog", { name: "Club de puntos" })).toBeTruthy();
  expect(screen.getByRole("link", { name: "Únete" }).getAttribute("href")).toBe("https://shop.example/join");
  expect(screen.getByRole("link", { name: "Inicia sesión" }).getAttribute("href")).toBe("https://shop.example/login");
  expect(screen.queryByRole("button", { name: "Invita" })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Premios" }));
  expect(screen.getAllByText(/puntos$/).length).toBeGreaterThanOrEqual(3);
  expect(screen.queryByRole("button", { name: "Canjear" })).toBeNull();
});

test("English, with plural forms: 1 point, 2 points", async () => {
  await endpoint.backend("POST", "/v1/customers/one/adjustments", { id: "one-1", points: 1, reason: "hi" });
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "en", customerToken: endpoint.token("one") });
  fireEvent.click(screen.getByRole("button", { name: /My points/ }));
  expect(await screen.findByText("1 point", { selector: "[part=balance] b" })).toBeTruthy();
  expect(screen.getByText("299 points to go for your next reward")).toBeTruthy();
});

test("Escape closes the panel and Loyalty('open', section) opens at that section", async () => {
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es" });
  (window as unknown as { Loyalty: (name: string, section: string) => void }).Loyalty("open", "earn");
  const dialog = await screen.findByRole("dialog");
  expect(screen.getByText("1 punto por cada 1 € gastado")).toBeTruthy();
  fireEvent.keyDown(dialog, { key: "Escape" });
  expect(screen.queryByRole("dialog")).toBeNull();
});

test("a data-locale without texts falls to the browser's language; a changed data-locale counts at the next load (logout)", async () => {
  const script = document.createElement("script");
  Object.assign(script.dataset, { shop: "demo", api: endpoint.url, locale: "fr-FR" });
  boot(script);
  const launcher = () => document.querySelector("[data-loyalty-host]")?.shadowRoot?.querySelector("[part=launcher]")?.textContent;
  // no texts in French: the next candidate, the browser's language (en-US here)
  await waitFor(() => expect(launcher()).toBe("My points"));
  script.dataset.locale = "es";
  (window as unknown as { Loyalty: (name: string) => void }).Loyalty("logout");
  await waitFor(() => expect(launcher()).toBe("Mis puntos"));
});
