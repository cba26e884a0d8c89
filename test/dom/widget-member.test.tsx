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
  await screen.findByRole("button", { name: "Premios" });
  return screen;
}
const balanceOf = async (id: string) => (await endpoint.backend("GET", `/v1/customers/${id}`)).json.balance;
const rewardCard = (title: string) =>
  [...(document.querySelector("[data-loyalty-host]")?.shadowRoot?.querySelectorAll<HTMLElement>("[part=reward]") ?? [])].find((card) =>
    card.textContent?.includes(title),
  );

test("home: balance, tier, the points missing for the next reward in words, with its progress", async () => {
  const screen = await member("home-1", 280);
  expect(screen.getByRole("button", { name: /Mis puntos/ }).textContent).toBe("Mis puntosTe faltan 20 puntos");
  expect(screen.getByText("280 puntos", { selector: "[part=balance] b" })).toBeTruthy();
  expect(await screen.findByText("Te faltan 20 puntos para Envío gratis")).toBeTruthy();
  expect(screen.getByText("Nivel Bronce")).toBeTruthy();
  const progress = screen.getByRole("progressbar", { name: "Progreso hacia Envío gratis" });
  expect([progress.getAttribute("aria-valuenow"), progress.getAttribute("aria-valuemax")]).toEqual(["280", "300"]);
});

test("rewards out of reach say what is missing and offer no redeem button; affordable ones are marked", async () => {
  const screen = await member("poor-1", 400);
  fireEvent.click(screen.getByRole("button", { name: "Premios" }));
  const missing = await screen.findAllByText(/^Te faltan/, { selector: ".reward-foot span" });
  expect(missing.map((line) => line.textContent)).toEqual(["Te faltan 100 puntos", "Te faltan 600 puntos"]);
  expect(screen.getAllByRole("button", { name: "Canjear" })).toHaveLength(1);
  expect(rewardCard("Envío gratis")?.textContent).toContain("Disponible");
});

test("redeeming asks to confirm with what stays, then shows the code at once and the new balance", async () => {
  const screen = await member("rich-1", 600);
  const redeemed: unknown[] = [];
  const listener = (event: Event) => redeemed.push((event as CustomEvent).detail);
  addEventListener("loyalty:redeemed", listener);
  fireEvent.click(screen.getByRole("button", { name: "Premios" }));
  fireEvent.click((await screen.findAllByRole("button", { name: "Canjear" }))[0]!);
  expect(await screen.findByText("¿Canjear Envío gratis por 300 puntos? Te quedarán 300 puntos.")).toBeTruthy();
  fireEvent.click(await screen.findByRole("button", { name: "Sí, canjear" }));
  const code = await screen.findByText(/\S{6,}/, { selector: "[part=reward] [part=reward-code]" });
  expect(screen.getByText("¡Hecho! Aquí tienes tu código.")).toBeTruthy();
  expect(redeemed).toEqual([{ rewardId: "free-shipping", code: code.textContent, expiresAt: expect.any(String) }]);
  await waitFor(() => expect(screen.getByText(/\d+ puntos/, { selector: "[part=balance] b" }).textContent).toBe("300 puntos"));
  expect(await balanceOf("rich-1")).toBe(300);
  // the payload is loaded again after a redemption: the ledger shows it as the endpoint recorded it
  fireEvent.click(screen.getByRole("button", { name: "Historial" }));
  expect(await screen.findByText("Premio canjeado")).toBeTruthy();
  expect(screen.getByText("−300 puntos")).toBeTruthy();
  removeEventListener("loyalty:redeemed", listener);
});

test("insufficient points (spent elsewhere meanwhile) is said plainly and nothing is spent", async () => {
  const screen = await member("race-1", 500);
  await endpoint.backend("POST", "/v1/customers/race-1/adjustments", { id: "race-1-spent", points: -400, reason: "En tienda" });
  fireEvent.click(screen.getByRole("button", { name: "Premios" }));
  fireEvent.click((await screen.findAllByRole("button", { name: "Canjear" }))[1]!);
  fireEvent.click(await screen.findByRole("button", { name: "Sí, canjear" }));
  expect((await screen.findByRole("alert")).textContent).toBe("No tienes puntos suficientes para este premio.");
  expect(await balanceOf("race-1")).toBe(100);
});

test("a network error is said plainly and the retry reuses the key: one code, points spent once, redeemed heard once", async () => {
  const screen = await member("flaky-1", 800);
  const keys: string[] = [];
  let dropNext = true;
  const redeemed: unknown[] = [];
  const listener = (event: Event) => redeemed.push((event as CustomEvent).detail);
  addEventListener("loyalty:redeemed", listener);
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
  fireEvent.click(await screen.findByRole("button", { name: "Sí, canjear" }));
  expect((await screen.findByRole("alert")).textContent).toBe("No hay conexión. No se ha perdido nada: inténtalo de nuevo.");
  fireEvent.click(await screen.findByRole("button", { name: "Reintentar" }));
  await screen.findByText(/\S{6,}/, { selector: "[part=reward] [part=reward-code]" });
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  expect(redeemed).toHaveLength(1);
  expect(await balanceOf("flaky-1")).toBe(300);
  removeEventListener("loyalty:redeemed", listener);
});

test("referral: the link with ?ref=CODE, copy, what each side gets, how it is going", async () => {
  const screen = await member("ref-1", 0);
  fireEvent.click(screen.getByRole("button", { name: "Invitar" }));
  const link = (await screen.findByLabelText("Tu enlace para invitar")) as HTMLInputElement;
  expect(link.value).toMatch(new RegExp(`^${pageOrigin}/\\?ref=[A-Za-z0-9-]{4,32}$`));
  expect(screen.getByText("Regala 5 € de descuento y gana 200 puntos")).toBeTruthy();
  expect(screen.getByText("Tu amigo recibe 5 € de descuento para su primer pedido, y tú ganas 200 puntos cuando lo haga.")).toBeTruthy();
  expect(screen.getByText("En pedidos desde 30 €")).toBeTruthy();
  expect(screen.getByText("0 visitas")).toBeTruthy();
  const copied: unknown[] = [];
  addEventListener("loyalty:referral-copied", (event) => copied.push((event as CustomEvent).detail));
  fireEvent.click(screen.getByRole("button", { name: "Copiar" }));
  await waitFor(() => expect(copied).toHaveLength(1));
  expect(await navigator.clipboard.readText()).toBe(link.value);
  expect(await screen.findByRole("button", { name: "Copiado" })).toBeTruthy();
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

/** Holds each redemption's response until `release()`: the request has reached the endpoint (and spent) meanwhile. */
function holdRedemptions() {
  const held = { keys: [] as string[], bootsLoaded: 0, release: () => {} };
  const released = new Promise<void>((resolve) => {
    held.release = resolve;
  });
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    if (String(input).endsWith("/redemptions")) {
      held.keys.push(new Headers(init?.headers).get("Idempotency-Key") ?? "");
      await released;
    }
    if (String(input).includes("/widget?view=boot")) held.bootsLoaded++;
    return response;
  };
  return held;
}

test("Cancel, the panel closed, a refreshed token during a redemption's request: the code lands in the wallet, loyalty:redeemed fires once", async () => {
  const screen = await member("patient-1", 600);
  const redeemed: unknown[] = [];
  const onRedeemed = (event: Event) => redeemed.push((event as CustomEvent).detail);
  addEventListener("loyalty:redeemed", onRedeemed);
  const held = holdRedemptions();
  fireEvent.click(screen.getByRole("button", { name: "Premios" }));
  fireEvent.click((await screen.findAllByRole("button", { name: "Canjear" }))[0]!);
  fireEvent.click(await screen.findByRole("button", { name: "Sí, canjear" }));
  await waitFor(() => expect(held.keys).toHaveLength(1));
  fireEvent.click(await screen.findByRole("button", { name: "Cancelar" }));
  // closing and opening the panel, and a single-page app refreshing the shopper's token, change nothing either
  fireEvent.click(screen.getByRole("button", { name: /Mis puntos/ }));
  fireEvent.click(screen.getByRole("button", { name: /Mis puntos/ }));
  (window as unknown as { Loyalty: (name: string, token: string) => void }).Loyalty("identify", endpoint.token("patient-1"));
  await waitFor(() => expect(held.bootsLoaded).toBe(1));
  held.release();
  await waitFor(() => expect(redeemed).toHaveLength(1));
  fireEvent.click(screen.getByRole("button", { name: "Inicio" }));
  const code = await screen.findByText(/\S{6,}/, { selector: "[part=wallet] [part=reward-code]" });
  await waitFor(() => expect(screen.getByText(/\d+ puntos/, { selector: "[part=balance] b" }).textContent).toBe("300 puntos"));
  removeEventListener("loyalty:redeemed", onRedeemed);
  expect(redeemed).toEqual([expect.objectContaining({ rewardId: "free-shipping", code: code.textContent })]);
  expect(await balanceOf("patient-1")).toBe(300);
});

test("a lost answer, then Cancel: the code the endpoint issued shows in the wallet, and points are spent once", async () => {
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
  fireEvent.click(screen.getByRole("button", { name: "Premios" }));
  fireEvent.click((await screen.findAllByRole("button", { name: "Canjear" }))[1]!);
  fireEvent.click(await screen.findByRole("button", { name: "Sí, canjear" }));
  await screen.findByRole("alert");
  fireEvent.click(screen.getByRole("button", { name: "Cancelar" }));
  // the boot answer, loaded again after the failure, knows what the endpoint did
  await waitFor(() => expect(rewardCard("5\u00a0€ de descuento")?.textContent).toContain("Te faltan 200 puntos"));
  fireEvent.click(screen.getByRole("button", { name: "Inicio" }));
  expect((await screen.findByText(/\S{6,}/, { selector: "[part=wallet] [part=reward-code]" })).closest("[part=wallet]")?.textContent).toContain(
    "5\u00a0€ de descuento",
  );
  expect(keys).toHaveLength(1);
  expect(await balanceOf("lost-1")).toBe(300);
});

test("consent: the member's switch for reminders and offers records the choice with its time, and a failure says so and changes nothing", async () => {
  const screen = await member("consent-1", 0);
  const consent = await screen.findByRole("switch", { name: "Recibir recordatorios y ofertas del programa" });
  expect(consent.closest("[part=consent]")?.textContent).toContain("Puedes cambiarlo cuando quieras.");
  expect(consent.getAttribute("aria-checked")).toBe("false");
  // the endpoint's answer is held until the switch has been seen to move
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  globalThis.fetch = async (input, init) => {
    if (String(input).endsWith("/consent")) await held;
    return realFetch(input, init);
  };
  fireEvent.click(consent);
  await waitFor(() => expect(consent.getAttribute("aria-checked")).toBe("true"));
  expect((await endpoint.backend("GET", "/v1/customers/consent-1")).json.marketingConsent).toBe(false);
  release();
  await waitFor(async () => expect((await endpoint.backend("GET", "/v1/customers/consent-1")).json.marketingConsent).toBe(true));
  await waitFor(() => expect(screen.getByRole("switch").getAttribute("aria-checked")).toBe("true"));
  const recorded = (await endpoint.backend("GET", "/v1/customers/consent-1")).json;
  expect(Date.now() - Date.parse(recorded.marketingConsentAt)).toBeLessThan(60_000);
  expect(recorded.consentHistory[0]).toMatchObject({ marketingConsent: true, source: "widget" });

  // the answer never comes back: the switch returns to what the endpoint has, and says why
  globalThis.fetch = async (input, init) => {
    if (String(input).endsWith("/consent")) throw new TypeError("Failed to fetch");
    return realFetch(input, init);
  };
  fireEvent.click(screen.getByRole("switch"));
  expect((await screen.findByRole("alert")).textContent).toBe("No hay conexión. No se ha perdido nada: inténtalo de nuevo.");
  expect(screen.getByRole("switch").getAttribute("aria-checked")).toBe("true");
  expect((await endpoint.backend("GET", "/v1/customers/consent-1")).json.marketingConsent).toBe(true);
});

test("consent: guests have no switch", async () => {
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es" });
  fireEvent.click(screen.getByRole("button", { name: /Mis puntos/ }));
  await screen.findByRole("dialog");
  await screen.findByText("Cómo funciona");
  expect(screen.queryByRole("switch")).toBeNull();
});
