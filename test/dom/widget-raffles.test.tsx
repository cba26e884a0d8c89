// @vitest-environment-options {"url": "http://127.0.0.1:5999/", "settings": {"fetch": {"disableSameOriginPolicy": true}}}
import { fireEvent, waitFor } from "@testing-library/preact";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { bootWidget, destroyWidget, type Endpoint, startEndpoint } from "./support.ts";

// Contract 7.4 in the widget: the program's raffles under the rewards, entered with points one entry a press, the member's
// entries, and how a raffle ended for them.

let endpoint: Endpoint;
const realFetch = globalThis.fetch;
const HOUR = 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
const raffle = (id: string, title: string, opensAt: string, closesAt: string) => ({
  id,
  title: { es: title },
  prize: { es: "Una cesta de productos" },
  entryCost: 100,
  maxEntriesPerCustomer: 2,
  opensAt,
  closesAt,
});

beforeAll(async () => {
  endpoint = await startEndpoint();
  const { json: program } = await endpoint.backend("GET", "/v1/program");
  const saved = await endpoint.backend("PUT", "/v1/program", {
    ...program,
    raffles: [raffle("navidad", "Sorteo de Navidad", iso(-HOUR), iso(24 * HOUR)), raffle("reyes", "Sorteo de Reyes", iso(HOUR), iso(48 * HOUR))],
  });
  expect(saved.status).toBe(200);
});
afterAll(() => endpoint?.stop());
afterEach(() => {
  globalThis.fetch = realFetch;
  destroyWidget();
});

async function rewardsOf(id: string | null, points = 0) {
  if (id && points) await endpoint.backend("POST", `/v1/customers/${id}/adjustments`, { id: `${id}-start`, points, reason: "Bienvenida" });
  const screen = await bootWidget({ shop: "demo", api: endpoint.url, locale: "es", ...(id && { customerToken: endpoint.token(id) }) });
  fireEvent.click(screen.getByRole("button", { name: /Mis puntos/ }));
  fireEvent.click(await screen.findByRole("button", { name: "Premios" }));
  await screen.findByRole("heading", { name: "Sorteos" });
  return screen;
}
const card = (title: string) =>
  [...(document.querySelector("[data-loyalty-host]")?.shadowRoot?.querySelectorAll<HTMLElement>("[part=raffle]") ?? [])].find((item) =>
    item.textContent?.includes(title),
  );
const entriesOf = async (raffleId: string) =>
  ((await endpoint.backend("GET", `/v1/raffles/${raffleId}`)).json.entries as { customerId: string }[]).map((entry) => entry.customerId);

test("raffles: each says its prize, what an entry costs and when it closes or opens; only an open one can be entered", async () => {
  const screen = await rewardsOf("raffle-1", 250);
  const open = card("Sorteo de Navidad");
  expect(open?.textContent).toContain("Premio: Una cesta de productos. 100 puntos por participación, hasta 2 por persona.");
  expect(open?.textContent).toMatch(/Cierra el \d+ de \w+ a las \d+:\d\d/);
  expect(card("Sorteo de Reyes")?.textContent).toMatch(/Abre el \d+ de \w+ a las \d+:\d\d/);
  expect(card("Sorteo de Reyes")?.querySelector("[part=raffle-enter]")).toBeNull();
  expect(screen.getAllByRole("button", { name: "Participar" })).toHaveLength(1);
});

test("entering: one entry a press, the balance and the member's entries as the endpoint recorded them, up to the raffle's limit", async () => {
  const screen = await rewardsOf("raffle-2", 250);
  fireEvent.click(screen.getByRole("button", { name: "Participar" }));
  await waitFor(() => expect(card("Sorteo de Navidad")?.textContent).toContain("Tienes 1 participación de 2"));
  expect(screen.getByText("150 puntos", { selector: "[part=balance] b" })).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Participar otra vez" }));
  await waitFor(() => expect(card("Sorteo de Navidad")?.textContent).toContain("Tienes 2 participaciones de 2"));
  // the raffle's limit reached: no more entering
  expect(card("Sorteo de Navidad")?.querySelector("[part=raffle-enter]")).toBeNull();
  expect(await entriesOf("navidad")).toEqual(["raffle-2", "raffle-2"]);
  expect((await endpoint.backend("GET", "/v1/customers/raffle-2")).json.balance).toBe(50);
});

test("a lost answer is said plainly, and the retry reuses the attempt's key: one entry is bought, not two", async () => {
  const screen = await rewardsOf("raffle-3", 300);
  const keys: string[] = [];
  let lose = true;
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    if (String(input).endsWith("/raffles/navidad/entries")) {
      keys.push(new Headers(init?.headers).get("Idempotency-Key") ?? "");
      // the endpoint recorded the entry, but its answer never arrives
      if (lose) {
        lose = false;
        throw new TypeError("Failed to fetch");
      }
    }
    return response;
  };
  fireEvent.click(screen.getByRole("button", { name: "Participar" }));
  expect((await screen.findByRole("alert")).textContent).toBe("No hay conexión. No se ha perdido nada: inténtalo de nuevo.");
  // the boot answer, loaded again, already shows the entry the endpoint recorded
  await waitFor(() => expect(card("Sorteo de Navidad")?.textContent).toContain("Tienes 1 participación de 2"));
  fireEvent.click(screen.getByRole("button", { name: "Participar otra vez" }));
  await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  expect(await entriesOf("navidad")).toEqual(expect.arrayContaining(["raffle-3"]));
  expect((await entriesOf("navidad")).filter((id) => id === "raffle-3")).toHaveLength(1);
  expect((await endpoint.backend("GET", "/v1/customers/raffle-3")).json.balance).toBe(200);
});

test("without points for an entry the member is told how many are missing; guests see the raffles without entering", async () => {
  const screen = await rewardsOf("raffle-4", 40);
  expect(card("Sorteo de Navidad")?.textContent).toContain("Te faltan 60 puntos para participar");
  expect(screen.queryByRole("button", { name: "Participar" })).toBeNull();
  destroyWidget();
  const guest = await rewardsOf(null);
  expect(card("Sorteo de Navidad")?.textContent).toContain("Premio: Una cesta de productos.");
  expect(guest.queryByRole("button", { name: "Participar" })).toBeNull();
});

test("results: after the draw the member reads whether they won, and a winner's prize code is in their wallet", async () => {
  const { json: program } = await endpoint.backend("GET", "/v1/program");
  const closing = raffle("flash", "Sorteo relámpago", iso(-HOUR), iso(3_000));
  await endpoint.backend("PUT", "/v1/program", {
    ...program,
    raffles: [...program.raffles, { ...closing, maxEntriesPerCustomer: 1, prizeCode: { kind: "amount_off", amount: "20", validityDays: 30 } }],
  });
  await rewardsOf("raffle-5", 100);
  fireEvent.click(card("Sorteo relámpago")?.querySelector<HTMLElement>("[part=raffle-enter]") as HTMLElement);
  await waitFor(() => expect(card("Sorteo relámpago")?.textContent).toContain("Tienes 1 participación de 1"));
  // another member enters through the endpoint's route, with their own token
  await endpoint.backend("POST", "/v1/customers/raffle-6/adjustments", { id: "raffle-6-start", points: 100, reason: "Bienvenida" });
  const other = await realFetch(`${endpoint.url}/v1/shops/demo/raffles/flash/entries`, {
    method: "POST",
    headers: { authorization: `Bearer ${endpoint.token("raffle-6")}`, "content-type": "application/json", "idempotency-key": "raffle-6-entry" },
    body: JSON.stringify({ count: 1 }),
  });
  expect(other.status).toBe(201);
  // one of the two wins once the raffle has closed and the jobs have drawn it
  await new Promise((resolve) => setTimeout(resolve, 3_200));
  const jobs = await realFetch(`${endpoint.url}/v1/operator/jobs/run`, {
    method: "POST",
    headers: { authorization: "Bearer e2e-operator-key-0123456789" },
  });
  expect((await jobs.json()).raffles.drawn).toBe(1);
  const { json: draw } = await endpoint.backend("GET", "/v1/raffles/flash");
  const loser = draw.winner.customerId === "raffle-5" ? "raffle-6" : "raffle-5";
  destroyWidget();
  await rewardsOf(loser);
  await waitFor(() => expect(card("Sorteo relámpago")?.textContent).toContain("Esta vez no ha habido suerte."));
  destroyWidget();
  const after = await rewardsOf(draw.winner.customerId);
  await waitFor(() => expect(card("Sorteo relámpago")?.textContent).toContain("¡Has ganado este sorteo!"));
  expect(card("Sorteo relámpago")?.textContent).toMatch(/Sorteado el \d+ de \w+ a las \d+:\d\d/);
  fireEvent.click(after.getByRole("button", { name: "Inicio" }));
  const wallet = () => document.querySelector("[data-loyalty-host]")?.shadowRoot?.querySelector("[part=wallet]")?.textContent;
  await waitFor(() => expect(wallet()).toContain(draw.winner.prizeCode));
});
