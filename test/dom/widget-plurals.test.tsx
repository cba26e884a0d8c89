// @vitest-environment-options {"url": "http://127.0.0.1:5999/", "settings": {"fetch": {"disableSameOriginPolicy": true}}}
import { fireEvent } from "@testing-library/preact";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { bootWidget, destroyWidget, type Endpoint, startEndpoint } from "./support.ts";

let endpoint: Endpoint;

beforeAll(async () => {
  endpoint = await startEndpoint();
});
afterAll(() => endpoint?.stop());
afterEach(destroyWidget);

/** A referrer with `visits` visits through their link and `friends` friends whose first order was credited. */
async function referrer(id: string, visits: number, friends: number) {
  await endpoint.backend("PUT", `/v1/customers/${id}`, { name: id });
  const payload = await fetch(`${endpoint.url}/v1/shops/demo/widget?token=${endpoint.token(id)}`).then((response) => response.json());
  const code: string = payload.customer.referral.code;
  for (let visit = 0; visit < visits; visit++)
    await fetch(`${endpoint.url}/v1/shops/demo/referral-visits`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code, visitor: `${id}-visitor-${visit}` }),
    });
  for (let friend = 0; friend < friends; friend++) {
    const order = { id: `${id}-friend-${friend}`, customerId: `${id}-friend-${friend}`, subtotal: "40.00", currency: "EUR" };
    await endpoint.backend("POST", "/v1/orders", {
      ...order,
      channel: "online",
      discountCodes: [],
      referralCode: code,
      placedAt: new Date().toISOString(),
    });
  }
}

async function referralStats(id: string, locale: string) {
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, customerToken: endpoint.token(id), locale });
  fireEvent.click(screen.getByRole("button", { name: /Mis puntos|My points/ }));
  fireEvent.click(await screen.findByRole("button", { name: locale === "es" ? "Invitar" : "Invite" }));
  const stats = await screen.findAllByText(/\d/, { selector: ".pill" });
  return stats.map((stat) => stat.textContent).join(" · ");
}

test("referral stats in Spanish: 1 visita, 1 amigo ha comprado; 2 visitas, 0 amigos han comprado", async () => {
  await referrer("solo", 1, 1);
  await referrer("duo", 2, 0);
  expect(await referralStats("solo", "es")).toBe("1 visita · 1 amigo ha comprado · 200 puntos ganados");
  destroyWidget();
  expect(await referralStats("duo", "es")).toBe("2 visitas · 0 amigos han comprado · 0 puntos ganados");
});

test("referral stats in English: 1 visit, 1 friend ordered; 2 visits, 0 friends ordered", async () => {
  await referrer("one-en", 1, 1);
  await referrer("two-en", 2, 0);
  expect(await referralStats("one-en", "en")).toBe("1 visit · 1 friend ordered · 200 points earned");
  destroyWidget();
  expect(await referralStats("two-en", "en")).toBe("2 visits · 0 friends ordered · 0 points earned");
});

test("the verb agrees with the points missing: te falta 1 punto, te faltan 2 puntos", async () => {
  await endpoint.backend("POST", "/v1/customers/almost/adjustments", { id: "almost-1", points: 299, reason: "Bienvenida" });
  let screen = await bootWidget({ shop: "demo", api: endpoint.url, customerToken: endpoint.token("almost"), locale: "es" });
  expect(screen.getByRole("button", { name: /Mis puntos/ }).textContent).toBe("Mis puntosTe falta 1 punto");
  fireEvent.click(screen.getByRole("button", { name: /Mis puntos/ }));
  expect(await screen.findByText("Te falta 1 punto para Envío gratis")).toBeTruthy();
  destroyWidget();
  await endpoint.backend("POST", "/v1/customers/nearly/adjustments", { id: "nearly-1", points: 298, reason: "Bienvenida" });
  screen = await bootWidget({ shop: "demo", api: endpoint.url, customerToken: endpoint.token("nearly"), locale: "es" });
  fireEvent.click(screen.getByRole("button", { name: /Mis puntos/ }));
  expect(await screen.findByText("Te faltan 2 puntos para Envío gratis")).toBeTruthy();
});
