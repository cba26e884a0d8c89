// @vitest-environment-options {"url": "http://127.0.0.1:5999/", "settings": {"fetch": {"disableSameOriginPolicy": true}}}
import { fireEvent, waitFor } from "@testing-library/preact";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { bootWidget, destroyWidget, type Endpoint, startEndpoint } from "./support.ts";

// The states shoppers met as dead ends before this widget (each found by trying it), one test each.

let endpoint: Endpoint;
const realFetch = globalThis.fetch;
const events: { name: string; detail: { code?: string } }[] = [];
const record = (event: Event) => events.push({ name: event.type.slice("loyalty:".length), detail: (event as CustomEvent).detail });

beforeAll(async () => {
  endpoint = await startEndpoint();
  for (const name of ["error", "redeemed"]) addEventListener(`loyalty:${name}`, record);
});
afterAll(() => endpoint?.stop());
afterEach(() => {
  globalThis.fetch = realFetch;
  destroyWidget();
  events.length = 0;
  history.replaceState(null, "", "/");
  sessionStorage.clear();
});

const loyalty = (...args: unknown[]) => (window as unknown as { Loyalty: (...args: unknown[]) => void }).Loyalty(...args);
const shadowText = () => document.querySelector("[data-loyalty-host]")?.shadowRoot?.textContent ?? "";
const adjust = (id: string, points: number, key = `${id}-${points}`) =>
  endpoint.backend("POST", `/v1/customers/${id}/adjustments`, { id: key, points, reason: "Bienvenida" });

test("a refused token draws the guest view saying the session expired, tells the page, and identify brings the member back", async () => {
  await adjust("back-1", 120);
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es", customerToken: "not.a.token" });
  expect(screen.getByRole("button", { name: "Mis puntos" })).toBeTruthy();
  expect(events).toEqual([{ name: "error", detail: expect.objectContaining({ code: "unauthorized" }) }]);
  loyalty("open");
  expect((await screen.findByRole("alert")).textContent).toBe("Tu sesión ha caducado. Vuelve a iniciar sesión.");
  expect(screen.getByText("Gana puntos en cada compra")).toBeTruthy();
  loyalty("identify", endpoint.token("back-1"));
  expect(await screen.findByText("120 puntos", { selector: "[part=balance] b" })).toBeTruthy();
  expect(screen.queryByRole("alert")).toBeNull();
});

test("the wallet keeps a redeemed code after a reload, with its expiry date", async () => {
  await adjust("wallet-1", 400);
  let screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es", customerToken: endpoint.token("wallet-1") });
  loyalty("open", "rewards");
  fireEvent.click(await screen.findByRole("button", { name: "Canjear" }));
  fireEvent.click(await screen.findByRole("button", { name: "Sí, canjear" }));
  const code = (await screen.findByText(/\S{6,}/, { selector: "[part=reward-code]" })).textContent;
  destroyWidget();
  screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es", customerToken: endpoint.token("wallet-1") });
  loyalty("open");
  const wallet = await screen.findByText("Tus códigos");
  expect(wallet.closest("[part=wallet]")?.querySelector("[part=reward-code]")?.textContent).toBe(code);
  expect(wallet.closest("[part=wallet]")?.textContent).toMatch(/Válido hasta el \d+ de \w+ de \d{4}/);
});

test("a referred friend keeps her welcome code through sign-up, and it goes once she has ordered", async () => {
  const boot = await (await realFetch(`${endpoint.url}/v1/shops/demo/widget?view=boot&token=${endpoint.token("referrer-1")}`)).json();
  history.replaceState(null, "", `/?ref=${boot.customer.referral.code}`);
  let screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es" });
  const welcome = await screen.findByText(/\S{6,}/, { selector: "[part=wallet] [part=reward-code]" });
  expect(screen.getByText("Un amigo te regala 5 € de descuento")).toBeTruthy();
  const code = welcome.textContent;
  // she signs up: another page, no ?ref=, and now a member who has not ordered yet
  destroyWidget();
  history.replaceState(null, "", "/cuenta");
  screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es", customerToken: endpoint.token("friend-1") });
  loyalty("open");
  expect((await screen.findByText(/\S{6,}/, { selector: "[part=wallet] [part=reward-code]" })).textContent).toBe(code);
  // she orders with it: the next page has no welcome code left
  await endpoint.backend("POST", "/v1/orders", {
    id: "friend-order-1",
    customerId: "friend-1",
    subtotal: "40.00",
    currency: "EUR",
    channel: "online",
    discountCodes: [code],
    placedAt: new Date().toISOString(),
  });
  destroyWidget();
  screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es", customerToken: endpoint.token("friend-1") });
  loyalty("open");
  await screen.findByText("Cómo funciona");
  expect(shadowText()).not.toContain(code);
  expect(sessionStorage.getItem("loyalty:welcome:demo")).toBeNull();
});

test("with a reward within reach, the launcher and home say it first: the dearest one", async () => {
  await adjust("ready-1", 650);
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es", customerToken: endpoint.token("ready-1") });
  expect(screen.getByRole("button", { name: /Mis puntos/ }).textContent).toBe("Mis puntosYa puedes canjear 5\u00a0€ de descuento");
  loyalty("open");
  const first = await screen.findByText("¡Ya puedes canjear 5 € de descuento!");
  expect(first.closest(".panel-body")?.firstElementChild?.contains(first)).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "Ver premios" }));
  expect(await screen.findAllByRole("button", { name: "Canjear" })).toHaveLength(2);
});

test("a negative balance after a refund is explained, with a true minus sign", async () => {
  await adjust("owes-1", -18);
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es", customerToken: endpoint.token("owes-1") });
  loyalty("open");
  expect(await screen.findByText("−18 puntos", { selector: "[part=balance] b" })).toBeTruthy();
  expect(screen.getByText(/^Debes 18 puntos: una devolución retiró puntos que ya habías canjeado/)).toBeTruthy();
  expect(shadowText()).not.toContain("-18");
});

test("a weekly campaign says its days and hours in the shopper's language and the program's time zone, live", async () => {
  const madrid = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Madrid", ...options });
  const today = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(madrid({ weekday: "short" }).format(new Date())) + 1;
  const { json: program } = await endpoint.backend("GET", "/v1/program");
  const campaign = { id: "all-day", kind: "weekly", name: { es: "Día doble" }, multiplier: 2, days: [today], start: "00:00", end: "24:00" };
  const later = {
    id: "happy-hour",
    kind: "weekly",
    name: { es: "Hora feliz" },
    multiplier: 3,
    days: [(today % 7) + 1],
    start: "15:00",
    end: "17:00",
  };
  await endpoint.backend("PUT", "/v1/program", { ...program, campaigns: [campaign, later] });
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es", customerToken: endpoint.token("campaign-1") });
  loyalty("open", "earn");
  const weekday = (day: number) => new Intl.DateTimeFormat("es", { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, day));
  expect(await screen.findByText(new RegExp(`^Cada ${weekday(today)}, de 0:00 a 24:00`))).toBeTruthy();
  expect(screen.getByText(new RegExp(`^Cada ${weekday((today % 7) + 1)}, de 15:00 a 17:00`))).toBeTruthy();
  loyalty("open", "home");
  expect(await screen.findByText(/^Termina en (\d+ h \d+ min|\d+ min)$/)).toBeTruthy();
  await endpoint.backend("PUT", "/v1/program", program);
});

test("cancelling a redemption in flight never loses its code: it lands in the wallet, and redeemed is heard once", async () => {
  await adjust("cancel-1", 350);
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    if (String(input).endsWith("/redemptions")) await held;
    return response;
  };
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es", customerToken: endpoint.token("cancel-1") });
  loyalty("open", "rewards");
  fireEvent.click(await screen.findByRole("button", { name: "Canjear" }));
  fireEvent.click(await screen.findByRole("button", { name: "Sí, canjear" }));
  expect(await screen.findByRole("button", { name: "Canjeando…" })).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Cancelar" }));
  await waitFor(() => expect(screen.queryByRole("button", { name: "Canjeando…" })).toBeNull());
  release();
  await waitFor(() => expect(events.filter((event) => event.name === "redeemed")).toHaveLength(1));
  loyalty("open", "home");
  const code = events.find((event) => event.name === "redeemed")?.detail.code;
  expect((await screen.findByText(/\S{6,}/, { selector: "[part=wallet] [part=reward-code]" })).textContent).toBe(code);
  expect((await endpoint.backend("GET", "/v1/customers/cancel-1")).json.balance).toBe(50);
});

test("the wallet offers 'apply to cart' where the page takes codes through Loyalty('on', 'redeemed')", async () => {
  await adjust("apply-1", 300);
  const taken: unknown[] = [];
  // the page's queue snippet, called before the script loads: Loyalty('on', 'redeemed', fn)
  const queued: unknown[][] = [["on", "redeemed", (detail: unknown) => taken.push(detail)]];
  (window as unknown as { Loyalty?: unknown }).Loyalty = Object.assign(() => {}, { q: queued });
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es", customerToken: endpoint.token("apply-1") });
  loyalty("open", "rewards");
  fireEvent.click(await screen.findByRole("button", { name: "Canjear" }));
  fireEvent.click(await screen.findByRole("button", { name: "Sí, canjear" }));
  await waitFor(() => expect(taken).toHaveLength(1));
  loyalty("open", "home");
  fireEvent.click(await screen.findByRole("button", { name: "Aplicar al carrito" }));
  expect(taken).toEqual([
    expect.objectContaining({ rewardId: "free-shipping" }),
    expect.objectContaining({ rewardId: "free-shipping", fromWallet: true }),
  ]);
  expect(await screen.findByRole("button", { name: "Enviado al carrito" })).toBeTruthy();
});
