// @vitest-environment-options {"url": "http://127.0.0.1:5999/", "settings": {"fetch": {"disableSameOriginPolicy": true}}}
import { fireEvent, waitFor } from "@testing-library/preact";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { bootWidget, destroyWidget, type Endpoint, pageOrigin, startEndpoint } from "./support.ts";

let endpoint: Endpoint;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  endpoint = await startEndpoint();
});
afterAll(() => endpoint?.stop());
afterEach(() => {
  globalThis.fetch = realFetch;
  destroyWidget();
});

async function member(id: string, points: number) {
  if (points) await endpoint.backend("POST", `/v1/customers/${id}/adjustments`, { id: `${id}-start`, points, reason: "Bienvenida" });
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, customerToken: endpoint.token(id), locale: "es" });
  fireEvent.click(screen.getByRole("button", { name: /Mis puntos/ }));
  await screen.findByRole("dialog");
  return screen;
}
const balanceOf = async (id: string) => (await endpoint.backend("GET", `/v1/customers/${id}`)).json.balance;

test("home: balance, points missing for the next reward in words, tier and progress", async () => {
  const screen = await member("home-1", 380);
  expect(screen.getByRole("button", { name: /Mis puntos/ }).textContent).toContain("380 puntos");
  expect(screen.getByText("380 puntos", { selector: "[part=balance] b" })).toBeTruthy();
  expect(screen.getByText("Te faltan 120 puntos para tu próximo premio")).toBeTruthy();
  expect(screen.getByText("Nivel Bronce")).toBeTruthy();
  expect(screen.getByLabelText("Progreso hacia tu próximo premio").getAttribute("max")).toBe("500");
});

test("rewards out of reach say what is missing and offer no redeem button", async () => {
  const screen = await member("poor-1", 100);
  fireEvent.click(screen.getByRole("button", { name: "Premios" }));
  const rewards = await screen.findAllByText(/Te faltan/);
  expect(rewards.map((reward) => reward.textContent)).toEqual(["Te faltan 200 puntos", "Te faltan 400 puntos", "Te faltan 900 puntos"]);
  expect(screen.queryByRole("button", { name: "Canjear" })).toBeNull();
});

test("redeeming asks to confirm, then shows the code and the new balance", async () => {
  const screen = await member("rich-1", 600);
  const redeemed: unknown[] = [];
  addEventListener("loyalty:redeemed", (event) => redeemed.push((event as CustomEvent).detail));
  fireEvent.click(screen.getByRole("button", { name: "Premios" }));
  fireEvent.click((await screen.findAllByRole("button", { name: "Canjear" }))[0]!);
  expect(screen.getByText("¿Canjear «Envío gratis» por 300 puntos?")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Confirmar" }));
  const code = await screen.findByText(/\S{6,}/, { selector: "[part=reward-code]" });
  expect(redeemed).toEqual([expect.objectContaining({ rewardId: "free-shipping", code: code.textContent })]);
  await waitFor(() => expect(screen.getByRole("button", { name: /Mis puntos/ }).textContent).toContain("300 puntos"));
  expect(await balanceOf("rich-1")).toBe(300);
  // the payload is loaded again after a redemption: the ledger shows it as the endpoint recorded it
  fireEvent.click(screen.getByRole("button", { name: "Historial" }));
  expect(await screen.findByText("Canje")).toBeTruthy();
  expect(screen.getByText("−300 puntos")).toBeTruthy();
});

test("insufficient points (spent elsewhere meanwhile) is said plainly and nothing is spent", async () => {
  const screen = await member("race-1", 500);
  await endpoint.backend("POST", "/v1/customers/race-1/adjustments", { id: "race-1-spent", points: -400, reason: "En tienda" });
  fireEvent.click(screen.getByRole("button", { name: "Premios" }));
  fireEvent.click((await screen.findAllByRole("button", { name: "Canjear" }))[1]!);
  fireEvent.click(screen.getByRole("button", { name: "Confirmar" }));
  expect((await screen.findByRole("alert")).textContent).toBe("No tienes puntos suficientes para este premio.");
  expect(await balanceOf("race-1")).toBe(100);
});

test("a network error is said plainly and the retry reuses the key: one code, points spent once", async () => {
  const screen = await member("flaky-1", 800);
  const keys: string[] = [];
  let dropNext = true;
  // the first response is lost on the way back, after the endpoint has redeemed
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    if (String(input).endsWith("/redemptions")) {
      keys.push(new Headers(init?.headers).get("Idempotency-Key") ?? "");
      if (dropNext) {
        dropNext = false;
        throw new TypeError("Failed to fetch");
      }
    }
    return response;
  };
  fireEvent.click(screen.getByRole("button", { name: "Premios" }));
  fireEvent.click((await screen.findAllByRole("button", { name: "Canjear" }))[1]!);
  fireEvent.click(screen.getByRole("button", { name: "Confirmar" }));
  expect((await screen.findByRole("alert")).textContent).toBe("No hay conexión. No se ha perdido nada: inténtalo de nuevo.");
  fireEvent.click(screen.getByRole("button", { name: "Reintentar" }));
  await screen.findByText(/\S{6,}/, { selector: "[part=reward-code]" });
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  expect(await balanceOf("flaky-1")).toBe(300);
});

/** Holds each redemption's response until `release()`: the request has reached the endpoint (and spent) meanwhile. */
function holdRedemptions() {
  const held = { keys: [] as string[], payloadsLoaded: 0, release: () => {} };
  const released = new Promise<void>((resolve) => {
    held.release = resolve;
  });
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    if (String(input).endsWith("/redemptions")) {
      held.keys.push(new Headers(init?.headers).get("Idempotency-Key") ?? "");
      await released;
    }
    if (String(input).includes("/widget?")) held.payloadsLoaded++;
    return response;
  };
  return held;
}

test("Cancel, the panel closed, a refreshed token during a redemption's request: the code is still shown, loyalty:redeemed fires once", async () => {
  const screen = await member("patient-1", 600);
  const redeemed: unknown[] = [];
  const onRedeemed = (event: Event) => redeemed.push((event as CustomEvent).detail);
  addEventListener("loyalty:redeemed", onRedeemed);
  const held = holdRedemptions();
  fireEvent.click(screen.getByRole("button", { name: "Premios" }));
  fireEvent.click((await screen.findAllByRole("button", { name: "Canjear" }))[0]!);
  fireEvent.click(screen.getByRole("button", { name: "Confirmar" }));
  await waitFor(() => expect(held.keys).toHaveLength(1));
  const cancel = screen.getByRole("button", { name: "Cancelar" }) as HTMLButtonElement;
  expect(cancel.disabled).toBe(true);
  fireEvent.click(cancel);
  // closing and opening the panel, and a single-page app refreshing the shopper's token, change nothing either
  fireEvent.click(screen.getByRole("button", { name: /Mis puntos/ }));
  fireEvent.click(screen.getByRole("button", { name: /Mis puntos/ }));
  (window as unknown as { Loyalty: (name: string, token: string) => void }).Loyalty("identify", endpoint.token("patient-1"));
  await waitFor(() => expect(held.payloadsLoaded).toBe(1));
  held.release();
  const code = await screen.findByText(/\S{6,}/, { selector: "[part=reward-code]" });
  await waitFor(() => expect(screen.getByRole("button", { name: /Mis puntos/ }).textContent).toContain("300 puntos"));
  removeEventListener("loyalty:redeemed", onRedeemed);
  expect(redeemed).toEqual([expect.objectContaining({ rewardId: "free-shipping", code: code.textContent })]);
  expect(await balanceOf("patient-1")).toBe(300);
});

test("a lost answer, then Cancel, then the same reward again: the same key, the code already issued, points spent once", async () => {
  const screen = await member("lost-1", 800);
  const keys: string[] = [];
  let dropNext = true;
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    if (String(input).endsWith("/redemptions")) {
      keys.push(new Headers(init?.headers).get("Idempotency-Key") ?? "");
      if (dropNext) {
        dropNext = false;
        throw new TypeError("Failed to fetch");
      }
    }
    return response;
  };
  const redeemed: unknown[] = [];
  const onRedeemed = (event: Event) => redeemed.push((event as CustomEvent).detail);
  addEventListener("loyalty:redeemed", onRedeemed);
  fireEvent.click(screen.getByRole("button", { name: "Premios" }));
  fireEvent.click((await screen.findAllByRole("button", { name: "Canjear" }))[1]!);
  fireEvent.click(screen.getByRole("button", { name: "Confirmar" }));
  await screen.findByRole("alert");
  fireEvent.click(screen.getByRole("button", { name: "Cancelar" }));
  fireEvent.click((await screen.findAllByRole("button", { name: "Canjear" }))[1]!);
  fireEvent.click(screen.getByRole("button", { name: "Confirmar" }));
  const code = await screen.findByText(/\S{6,}/, { selector: "[part=reward-code]" });
  removeEventListener("loyalty:redeemed", onRedeemed);
  expect(keys).toEqual([keys[0], keys[0]]);
  expect(redeemed).toEqual([expect.objectContaining({ rewardId: "five-off", code: code.textContent })]);
  expect(await balanceOf("lost-1")).toBe(300);
});

test("referral: the link with ?ref=CODE, copy, what each side gets", async () => {
  const screen = await member("ref-1", 0);
  fireEvent.click(screen.getByRole("button", { name: "Invita" }));
  const link = (await screen.findByLabelText("Tu enlace para invitar")) as HTMLInputElement;
  expect(link.value).toMatch(new RegExp(`^${pageOrigin}/\\?ref=[A-Za-z0-9-]{4,32}$`));
  expect(screen.getByText("Tu amigo recibe 5 € de descuento en pedidos desde 30 €")).toBeTruthy();
  expect(screen.getByText("Tú recibes 200 puntos cuando haga su primer pedido")).toBeTruthy();
  const copied: unknown[] = [];
  addEventListener("loyalty:referral-copied", (event) => copied.push((event as CustomEvent).detail));
  fireEvent.click(screen.getByRole("button", { name: "Copiar" }));
  await waitFor(() => expect(copied).toHaveLength(1));
  expect(await navigator.clipboard.readText()).toBe(link.value);
});

test("activity: an empty ledger says so", async () => {
  const screen = await member("new-1", 0);
  fireEvent.click(screen.getByRole("button", { name: "Historial" }));
  expect(await screen.findByText("Aún no hay movimientos.")).toBeTruthy();
});

test("activity: entries in plain words, and more pages on demand", async () => {
  for (let i = 0; i < 6; i++)
    await endpoint.backend("POST", "/v1/customers/busy-1/adjustments", { id: `busy-${i}`, points: 10, reason: `Regalo ${i}` });
  const screen = await member("busy-1", 0);
  fireEvent.click(screen.getByRole("button", { name: "Historial" }));
  expect(await screen.findByText("Regalo 5")).toBeTruthy();
  expect(screen.queryByText("Regalo 0")).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Ver más" }));
  expect(await screen.findByText("Regalo 0")).toBeTruthy();
});
