// @vitest-environment-options {"url": "http://localhost/console"}
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultTheme } from "../../contract/index.ts";
import { starterProgram } from "../../server/operations/defaults.ts";
import { $locale } from "../../console/i18n/index.ts";
import { $customer, $adjustment } from "../../console/stores/customers.ts";
import { $programDraft, $programStatus } from "../../console/stores/program.ts";
import { $session, $signInForm } from "../../console/stores/session.ts";
import { $themeDraft, $themeStatus } from "../../console/stores/theme.ts";
import { CustomersPage } from "../../console/ui/customers.tsx";
import { ProgramEditor } from "../../console/ui/program-editor.tsx";
import { SignIn } from "../../console/ui/sign-in.tsx";
import { ThemeEditor } from "../../console/ui/theme-editor.tsx";

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  $locale.set("es");
  fetchMock = vi.fn(async () => json({ error: { code: "not_found", message: "no route" } }, 404));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  $themeDraft.set(null);
  $programDraft.set(null);
  $themeStatus.set({ kind: "idle" });
  $programStatus.set({ kind: "idle" });
});

const sentBodies = (path: string) =>
  fetchMock.mock.calls.filter(([url]) => String(url).includes(path)).map(([, init]) => JSON.parse(String((init as RequestInit).body ?? "null")));

describe("sign-in form", () => {
  it("names every empty field and sends nothing", async () => {
    render(<SignIn />);
    fireEvent.click(screen.getByRole("button", { name: "Entrar" }));
    await waitFor(() => expect(screen.getAllByText("Obligatorio")).toHaveLength(3));
    expect(screen.getByLabelText("Tienda").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Tienda").getAttribute("aria-describedby")).toBe("field-shop-error");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("checks the email's shape, then shows the endpoint's refusal without saying which part was wrong", async () => {
    render(<SignIn />);
    fireEvent.input(screen.getByLabelText("Tienda"), { target: { value: "demo" } });
    fireEvent.input(screen.getByLabelText("Correo electrónico"), { target: { value: "not-an-email" } });
    fireEvent.input(screen.getByLabelText("Contraseña"), { target: { value: "secret" } });
    fireEvent.click(screen.getByRole("button", { name: "Entrar" }));
    await screen.findByText("Escribe un correo válido");
    fetchMock.mockResolvedValueOnce(json({ error: { code: "unauthorized", message: "wrong shop, email or password" } }, 401));
    fireEvent.input(screen.getByLabelText("Correo electrónico"), { target: { value: "ana@shop.example" } });
    fireEvent.click(screen.getByRole("button", { name: "Entrar" }));
    expect((await screen.findByText("Tienda, correo o contraseña incorrectos")).getAttribute("role")).toBe("alert");
    expect(sentBodies("/session")[0]).toEqual({ shop: "demo", email: "ana@shop.example", password: "secret" });
    expect($signInForm.get().password).toBe("");
    expect($session.get()).toBeUndefined();
  });
});

describe("theme editor", () => {
  beforeEach(() => $themeDraft.set(structuredClone(defaultTheme)));

  it("shows a field error for a colour that is not CSS colour syntax, and refuses to save", async () => {
    render(<ThemeEditor />);
    fireEvent.input(document.getElementById("field-accent") as HTMLInputElement, { target: { value: "red; x" } });
    expect(await screen.findByText(/a CSS colour/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Guardar" }));
    await screen.findByText("Corrige los campos marcados antes de guardar.");
    expect(sentBodies("/theme")).toEqual([]);
  });

  it("warns about low contrast as the colour is typed, and still saves it", async () => {
    render(<ThemeEditor />);
    fireEvent.input(document.getElementById("field-accent") as HTMLInputElement, { target: { value: "#dddddd" } });
    expect((await screen.findByText(/Contraste bajo: el texto sobre el acento/)).textContent).toContain("4,5:1");
    fetchMock.mockResolvedValueOnce(json({ theme: { ...defaultTheme, accent: "#dddddd" }, warnings: [] }));
    fireEvent.click(screen.getByRole("button", { name: "Guardar" }));
    await screen.findByText("Guardado. Los clientes lo verán en su próxima visita.");
    expect(sentBodies("/theme")[0]).toMatchObject({ accent: "#dddddd", programName: "Club de puntos" });
  });

  it("edits every token of the contract, including the words of another language", () => {
    render(<ThemeEditor />);
    for (const label of [
      "Color de acento",
      "Texto sobre el acento",
      "Fondo",
      "Texto",
      "Esquema de color",
      "Radio de las esquinas",
      "Tipografía",
      "Posición",
    ])
      expect(screen.getAllByLabelText(label).length).toBeGreaterThan(0);
    for (const label of ["Margen horizontal", "Margen vertical"]) expect(screen.getByLabelText(label)).toBeTruthy();
    expect(screen.getAllByLabelText("Nombre del programa")).toHaveLength(2);
    fireEvent.input(document.getElementById("field-locales-en-programName") as HTMLInputElement, { target: { value: "Premio Club" } });
    expect(($themeDraft.get() as { locales: { en: { programName: string } } }).locales.en.programName).toBe("Premio Club");
  });
});

describe("program editor", () => {
  beforeEach(() => $programDraft.set(starterProgram("Europe/Madrid")));

  it("validates with the contract's Program schema field by field", async () => {
    render(<ProgramEditor />);
    fireEvent.input(document.getElementById("field-rewards-0-cost") as HTMLInputElement, { target: { value: "-5" } });
    await waitFor(() => expect(document.getElementById("field-rewards-0-cost")?.getAttribute("aria-invalid")).toBe("true"));
    fireEvent.input(document.getElementById("field-earning-pointsPerUnit") as HTMLInputElement, { target: { value: "" } });
    await waitFor(() => expect(document.getElementById("field-earning-pointsPerUnit-error")).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "Guardar" }));
    await screen.findByText("Corrige los campos marcados antes de guardar.");
    expect(sentBodies("/program").filter((body) => body && "rewards" in body)).toEqual([]);
  });

  it("adds a weekly window and shows its next occurrence in the program's time zone", async () => {
    fetchMock.mockImplementation(async (url: string) =>
      String(url).includes("campaign-preview")
        ? json({
            timeZone: "Europe/Madrid",
            active: null,
            next: {
              id: "weekly-1",
              name: { es: "" },
              multiplier: 2,
              startsAt: new Date(Date.now() + 86_400_000).toISOString(),
              endsAt: new Date(Date.now() + 86_400_000 + 7_200_000).toISOString(),
            },
          })
        : json({}),
    );
    render(<ProgramEditor />);
    fireEvent.click(screen.getByRole("button", { name: "Añadir franja semanal" }));
    expect(await screen.findByText(/^Próxima: /, {}, { timeout: 2000 })).toBeTruthy();
    expect(sentBodies("campaign-preview").at(-1)).toMatchObject({
      timeZone: "Europe/Madrid",
      campaigns: [{ kind: "weekly", days: [2], start: "15:00", end: "17:00" }],
    });
  });

  it("flags a weekly window that ends before it starts", async () => {
    render(<ProgramEditor />);
    fireEvent.click(screen.getByRole("button", { name: "Añadir franja semanal" }));
    const end = await waitFor(() => {
      const input = document.getElementById("field-campaigns-0-end");
      if (!input) throw new Error("no end field yet");
      return input;
    });
    fireEvent.input(end, { target: { value: "14:00" } });
    expect(await screen.findByText(/must end after it starts/)).toBeTruthy();
  });
});

describe("customer adjustment form", () => {
  beforeEach(() => {
    $adjustment.set({ points: "", reason: "", errors: {}, busy: false });
    $customer.set({
      details: {
        id: "mateo",
        email: "mateo@example.com",
        name: "Mateo",
        birthday: null,
        marketingConsent: true,
        balance: 42,
        tier: { id: "bronze", name: { es: "Bronce" } },
        tierPoints: 42,
        nextTier: null,
        nextReward: null,
        referralCode: "MATEO1",
        createdAt: "2025-01-01T00:00:00.000Z",
        ledger: [],
      },
      ledger: { entries: [], nextCursor: null },
      referrals: [],
      referralVisits: 0,
    });
  });

  it("needs a whole non-zero number and a reason", async () => {
    render(<CustomersPage />);
    fireEvent.input(screen.getByLabelText("Puntos (negativo para restar)"), { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Aplicar ajuste" }));
    await screen.findByText("Escribe un número entero distinto de cero");
    expect(screen.getByText("Obligatorio")).toBeTruthy();
    expect(sentBodies("/adjustments")).toEqual([]);
  });

  it("sends the adjustment with its reason and an id that makes a retry count once", async () => {
    const customer = $customer.get();
    fetchMock.mockImplementation(async (url: string) =>
      String(url).endsWith("/adjustments")
        ? json({ adjustmentId: "x", points: -10, balance: 32 }, 201)
        : json({ ...customer, details: { ...customer?.details, balance: 32 } }),
    );
    render(<CustomersPage />);
    fireEvent.input(screen.getByLabelText("Puntos (negativo para restar)"), { target: { value: "-10" } });
    fireEvent.input(screen.getByLabelText("Motivo"), { target: { value: "Pedido duplicado" } });
    fireEvent.click(screen.getByRole("button", { name: "Aplicar ajuste" }));
    await screen.findByText("Ajuste aplicado. Saldo: 32");
    expect(sentBodies("/adjustments")[0]).toMatchObject({ points: -10, reason: "Pedido duplicado", id: expect.stringMatching(/^console-/) });
  });
});
