import { WidgetLocale } from "../../contract/index.ts";
// @vitest-environment-options {"url": "http://localhost/console"}
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ConsoleSession, defaultTheme, type Program } from "../../contract/index.ts";
import { starterProgram } from "../../server/operations/defaults.ts";
import { $locale } from "../../console/i18n/index.ts";
import { $adjustment, $customer } from "../../console/stores/customers.ts";
import { $programDraft, $programStatus, $savedProgram } from "../../console/stores/program.ts";
import { $route } from "../../console/stores/route.ts";
import { $session, $signInForm } from "../../console/stores/session.ts";
import { $inviteForm, $oneTimeLink, $passwordForm } from "../../console/stores/team.ts";
import { $savedTheme, $textDefaults, $themeDraft, $themeStatus } from "../../console/stores/theme.ts";
import { AccountPage } from "../../console/ui/account.tsx";
import { AuditPage } from "../../console/ui/audit.tsx";
import { CustomersPage } from "../../console/ui/customers.tsx";
import { FeedbackPage } from "../../console/ui/feedback.tsx";
import { toCsv } from "../../console/ui/csv.ts";
import { ProgramEditor } from "../../console/ui/program-editor.tsx";
import { SignIn } from "../../console/ui/sign-in.tsx";
import { TeamPage } from "../../console/ui/team.tsx";
import { ThemeEditor } from "../../console/ui/theme-editor.tsx";

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
let fetchMock: ReturnType<typeof vi.fn>;

const session = (role: ConsoleSession["role"]): ConsoleSession => ({
  email: "ana@shop.example",
  shops: [{ id: "demo", name: "Demo", role: role ?? "viewer" }],
  shop: { id: "demo", name: "Demo", currency: "EUR", defaultLocale: "es", timeZone: "Europe/Madrid" },
  role,
  expiresAt: "2030-01-01T00:00:00.000Z",
});

beforeEach(() => {
  $locale.set("es");
  $session.set(session("owner"));
  fetchMock = vi.fn(async () => json({ error: { code: "not_found", message: "no route" } }, 404));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  $themeDraft.set(null);
  $savedTheme.set(null);
  $programDraft.set(null);
  $savedProgram.set(null);
  $themeStatus.set({ kind: "idle" });
  $programStatus.set({ kind: "idle" });
  $route.set({ page: "theme", section: "" });
});

const sentBodies = (path: string) =>
  fetchMock.mock.calls.filter(([url]) => String(url).includes(path)).map(([, init]) => JSON.parse(String((init as RequestInit).body ?? "null")));
const input = (id: string) => document.getElementById(id) as HTMLInputElement;

describe("sign-in form", () => {
  it("asks for email and password only, names every empty field and sends nothing", async () => {
    render(<SignIn />);
    expect(screen.queryByLabelText("Tienda")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Entrar" }));
    await waitFor(() => expect(screen.getAllByText("Obligatorio")).toHaveLength(2));
    expect(screen.getByLabelText("Correo electrónico").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Correo electrónico").getAttribute("aria-describedby")).toBe("field-email-error");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("checks the email's shape, then shows the endpoint's refusal without saying which part was wrong", async () => {
    $session.set(undefined);
    render(<SignIn />);
    fireEvent.input(screen.getByLabelText("Correo electrónico"), { target: { value: "not-an-email" } });
    fireEvent.input(screen.getByLabelText("Contraseña"), { target: { value: "secret" } });
    fireEvent.click(screen.getByRole("button", { name: "Entrar" }));
    await screen.findByText("Escribe un correo válido");
    fetchMock.mockResolvedValueOnce(json({ error: { code: "unauthorized", message: "wrong email or password" } }, 401));
    fireEvent.input(screen.getByLabelText("Correo electrónico"), { target: { value: "ana@shop.example" } });
    fireEvent.click(screen.getByRole("button", { name: "Entrar" }));
    expect((await screen.findByText("Correo o contraseña incorrectos")).getAttribute("role")).toBe("alert");
    expect(sentBodies("/session")[0]).toEqual({ email: "ana@shop.example", password: "secret" });
    expect($signInForm.get().password).toBe("");
    expect($session.get()).toBeUndefined();
  });
});

describe("theme editor", () => {
  beforeEach(() => {
    $savedTheme.set(structuredClone(defaultTheme));
    $themeDraft.set(structuredClone(defaultTheme));
    $textDefaults.set([
      { locale: "es", pluralCategories: ["one", "other"], texts: { "reward.redeem": "Canjear", left: { one: "Queda {n}", other: "Quedan {n}" } } },
      { locale: "en", pluralCategories: ["one", "other"], texts: { "reward.redeem": "Redeem", left: { one: "{n} left", other: "{n} left" } } },
    ]);
  });

  it("shows a field error for a colour that is not CSS colour syntax, and refuses to save", async () => {
    render(<ThemeEditor />);
    fireEvent.input(input("field-accent"), { target: { value: "red; x" } });
    expect(await screen.findByText(/un color CSS/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Guardar" }));
    await screen.findByText("Corrige los campos marcados antes de guardar.");
    expect(sentBodies("/theme")).toEqual([]);
  });

  it("warns about low contrast as the colour is typed, dark colours included, and still saves it", async () => {
    render(<ThemeEditor />);
    fireEvent.input(input("field-accent"), { target: { value: "#dddddd" } });
    expect((await screen.findByText(/Contraste bajo: el texto sobre el acento/)).textContent).toContain("4,5:1");
    fireEvent.input(input("field-dark-background"), { target: { value: "#eeeeee" } });
    expect(await screen.findByText(/Contraste bajo: en modo oscuro, el texto sobre el fondo/)).toBeTruthy();
    fetchMock.mockResolvedValueOnce(json({ theme: { ...defaultTheme, accent: "#dddddd", dark: { background: "#eeeeee" } }, warnings: [] }));
    fireEvent.click(screen.getByRole("button", { name: "Guardar" }));
    await screen.findByText("Guardado. Los clientes lo verán en su próxima visita.");
    expect(sentBodies("/theme")[0]).toMatchObject({ accent: "#dddddd", programName: "Club de puntos", dark: { background: "#eeeeee" } });
  });

  it("counts the launcher label's characters against its limit of 24", async () => {
    render(<ThemeEditor />);
    expect(document.getElementById("field-launcherLabel-hint")?.textContent).toBe("10/24");
    expect(input("field-launcherLabel").maxLength).toBe(24);
    fireEvent.input(input("field-launcherLabel"), { target: { value: "Veinticinco caracteres!!!" } });
    expect((await screen.findByText(/<=24/)).id).toBe("field-launcherLabel-error");
  });

  it("edits every token, the words of another language, and any widget text, the widget's own as placeholder", async () => {
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
    // the program's name in the main language and in each of the widget's other languages
    expect(screen.getAllByLabelText("Nombre del programa")).toHaveLength(WidgetLocale.options.length);
    fireEvent.input(input("field-locales-en-programName"), { target: { value: "Premio Club" } });
    expect(($themeDraft.get() as { locales: { en: { programName: string } } }).locales.en.programName).toBe("Premio Club");
    expect(input("field-locales-en-texts-reward-redeem").placeholder).toBe("Redeem");
    fireEvent.input(input("field-locales-en-texts-reward-redeem"), { target: { value: "Get it" } });
    // a plural text: one field per category; a form left empty takes the widget's own
    expect(input("field-locales-es-texts-left-one").placeholder).toBe("Queda {n}");
    fireEvent.input(input("field-locales-es-texts-left-other"), { target: { value: "Aún quedan {n}" } });
    const locales = ($themeDraft.get() as { locales: Record<string, { texts?: Record<string, unknown> }> }).locales;
    expect(locales.en?.texts).toEqual({ "reward.redeem": "Get it" });
    expect(locales.es?.texts).toEqual({ left: { one: "Queda {n}", other: "Aún quedan {n}" } });
    fireEvent.input(input("field-locales-en-texts-reward-redeem"), { target: { value: "" } });
    expect(($themeDraft.get() as { locales: Record<string, { texts?: unknown }> }).locales.en?.texts).toBeUndefined();
  });

  it("is read only for a viewer: no save bar, every field disabled", () => {
    $session.set(session("viewer"));
    render(<ThemeEditor />);
    expect(screen.queryByRole("button", { name: "Guardar" })).toBeNull();
    expect(input("field-accent").closest("fieldset:disabled")).toBeTruthy();
  });
});

describe("program editor", () => {
  beforeEach(() => {
    $savedProgram.set(starterProgram("Europe/Madrid"));
    $programDraft.set(starterProgram("Europe/Madrid"));
  });
  const draft = () => $programDraft.get() as Program;

  it("shows one section at a time, each listed with its errors, and validates with the contract's Program schema", async () => {
    $route.set({ page: "program", section: "rewards" });
    render(<ProgramEditor />);
    expect(screen.queryByLabelText("Puntos por cada unidad de moneda")).toBeNull();
    fireEvent.input(input("field-rewards-0-cost"), { target: { value: "-5" } });
    await waitFor(() => expect(input("field-rewards-0-cost").getAttribute("aria-invalid")).toBe("true"));
    expect(await screen.findByRole("link", { name: /Premios 1 por corregir/ })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Guardar" }));
    await screen.findByText("Corrige los campos marcados antes de guardar.");
    expect(sentBodies("/program").filter((body) => body && "rewards" in body)).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Descartar cambios" }));
    expect(draft().rewards[0]?.cost).toBe(300);
  });

  it("makes a new reward's id from its title, unique, editable until saved; saved ids stay", async () => {
    $route.set({ page: "program", section: "rewards" });
    render(<ProgramEditor />);
    expect(input("field-rewards-0-id").readOnly).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Añadir premio" }));
    await waitFor(() => expect(input("field-rewards-3-title-es")).toBeTruthy());
    fireEvent.input(input("field-rewards-3-title-es"), { target: { value: "Envío gratis" } });
    expect(draft().rewards[3]?.id).toBe("envio-gratis");
    fireEvent.click(screen.getByRole("button", { name: "Añadir premio" }));
    await waitFor(() => expect(input("field-rewards-4-title-es")).toBeTruthy());
    fireEvent.input(input("field-rewards-4-title-es"), { target: { value: "Envío Gratis" } });
    expect(draft().rewards[4]?.id).toBe("envio-gratis-2");
    expect(input("field-rewards-4-id").readOnly).toBe(false);
    fireEvent.input(input("field-rewards-4-id"), { target: { value: "envio-vip" } });
    fireEvent.input(input("field-rewards-4-title-es"), { target: { value: "Envío VIP gratis" } });
    expect(draft().rewards[4]?.id).toBe("envio-vip");
  });

  it("limits a reward to tiers, and a removed tier leaves the rewards it limited", async () => {
    $route.set({ page: "program", section: "rewards" });
    const { unmount } = render(<ProgramEditor />);
    const gold = screen.getAllByLabelText("Oro")[2] as HTMLInputElement;
    fireEvent.change(gold, { target: { checked: true } });
    expect(draft().rewards[2]?.tiers).toEqual(["gold"]);
    unmount();
    $route.set({ page: "program", section: "tiers" });
    render(<ProgramEditor />);
    fireEvent.click(screen.getByRole("button", { name: "Quitar «Oro»" }));
    expect(draft().tiers.map((tier) => tier.id)).toEqual(["bronze", "silver"]);
    expect(draft().rewards[2]?.tiers).toBeUndefined();
  });

  it("edits the rules of 7.2: pending points, expiry and more ways to earn", async () => {
    $route.set({ page: "program", section: "rules" });
    const { unmount } = render(<ProgramEditor />);
    fireEvent.click(screen.getByLabelText("Los puntos de un pedido quedan pendientes durante el plazo de devolución"));
    fireEvent.input(await screen.findByLabelText("Días pendientes desde el pedido"), { target: { value: "30" } });
    fireEvent.click(screen.getByLabelText("Los puntos caducan tras meses sin ganar ninguno"));
    fireEvent.input(await screen.findByLabelText("Meses sin ganar puntos"), { target: { value: "0" } });
    expect(await screen.findByText(/>=1/)).toBeTruthy();
    expect(draft().pending).toEqual({ days: 30 });
    unmount();
    $route.set({ page: "program", section: "actions" });
    render(<ProgramEditor />);
    fireEvent.click(screen.getByRole("button", { name: "Añadir forma de ganar" }));
    await waitFor(() => expect(input("field-actions-0-title-es")).toBeTruthy());
    fireEvent.input(input("field-actions-0-title-es"), { target: { value: "Reseña de producto" } });
    fireEvent.change(input("field-actions-0-kind"), { target: { value: "review" } });
    expect(draft().actions?.[0]).toMatchObject({ id: "resena-de-producto", kind: "review", limit: { count: 1, per: "ever" } });
  });

  it("adds a raffle with its id from its title, and fixes the terms of one already open", async () => {
    const open = {
      id: "verano",
      title: { es: "Sorteo de verano" },
      prize: { es: "Una bicicleta" },
      entryCost: 100,
      maxEntriesPerCustomer: 5,
      opensAt: "2020-01-01T00:00:00.000Z",
      closesAt: "2040-01-01T00:00:00.000Z",
    };
    $savedProgram.set({ ...starterProgram("Europe/Madrid"), raffles: [open] });
    $programDraft.set({ ...starterProgram("Europe/Madrid"), raffles: [open] });
    fetchMock.mockImplementation(async (url: string) =>
      String(url).endsWith("/raffles") ? json({ raffles: [{ raffle: open, status: "open", commitment: "ab", entries: 12, entrants: 4 }] }) : json({}),
    );
    $route.set({ page: "program", section: "raffles" });
    render(<ProgramEditor />);
    expect(await screen.findByText(/Abierto · 12 participaciones de 4 clientes/)).toBeTruthy();
    await waitFor(() => expect(input("field-raffles-0-entryCost").closest("fieldset:disabled")).toBeTruthy());
    expect(screen.getByLabelText("Cancelar el sorteo: se devuelven los puntos de cada participación")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Añadir sorteo" }));
    await waitFor(() => expect(input("field-raffles-1-title-es")).toBeTruthy());
    fireEvent.input(input("field-raffles-1-title-es"), { target: { value: "Sorteo de Navidad" } });
    expect(draft().raffles?.[1]?.id).toBe("sorteo-de-navidad");
    expect(input("field-raffles-1-entryCost").closest("fieldset:disabled")).toBeNull();
  });

  it("says beside a list that it holds more items than the program allows", async () => {
    $route.set({ page: "program", section: "tiers" });
    render(<ProgramEditor />);
    // the starter program's three tiers and eight more: one over the ten allowed
    for (let added = 0; added < 8; added++) fireEvent.click(screen.getByRole("button", { name: "Añadir nivel" }));
    expect((await screen.findByText(/<=10/)).closest("fieldset")?.querySelector("legend")?.textContent).toBe("Niveles");
  });

  it("edits the links, each checked as an http(s) URL", async () => {
    $route.set({ page: "program", section: "links" });
    render(<ProgramEditor />);
    fireEvent.input(screen.getByLabelText("Unirse (registro)"), { target: { value: "javascript:alert(1)" } });
    expect(await screen.findByText("una dirección http(s)")).toBeTruthy();
    fireEvent.input(screen.getByLabelText("Unirse (registro)"), { target: { value: "https://shop.example/join" } });
    fireEvent.input(screen.getByLabelText("Condiciones del programa"), { target: { value: "https://shop.example/terms" } });
    expect(draft().links).toEqual({ join: "https://shop.example/join", terms: "https://shop.example/terms" });
  });

  it("adds a weekly window and shows its next occurrence in the program's time zone", async () => {
    $route.set({ page: "program", section: "campaigns" });
    fetchMock.mockImplementation(async (url: string) =>
      String(url).includes("campaign-preview")
        ? json({
            timeZone: "Europe/Madrid",
            active: null,
            next: {
              id: "campaign",
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

  it("flags a weekly window that ends before it starts, beside its end", async () => {
    $route.set({ page: "program", section: "campaigns" });
    render(<ProgramEditor />);
    fireEvent.click(screen.getByRole("button", { name: "Añadir franja semanal" }));
    const end = await waitFor(() => {
      const element = document.getElementById("field-campaigns-0-end");
      if (!element) throw new Error("no end field yet");
      return element;
    });
    fireEvent.input(end, { target: { value: "14:00" } });
    expect((await screen.findByText(/debe terminar después de empezar/)).id).toBe("field-campaigns-0-end-error");
  });
});

const mateo = {
  details: {
    id: "mateo",
    email: "mateo@example.com",
    name: "Mateo",
    birthday: null,
    marketingConsent: true,
    balance: 42,
    pending: 0,
    lastEarnedAt: null,
    expiresAt: null,
    tier: { id: "bronze", name: { es: "Bronce" } },
    tierPoints: 42,
    nextTier: null,
    nextReward: null,
    referralCode: "MATEO1",
    createdAt: "2025-01-01T00:00:00.000Z",
    ledger: [],
  },
  ledger: {
    entries: [
      {
        id: "2",
        kind: "referral_reversal" as const,
        points: -200,
        occurredAt: "2025-01-03T10:00:00.000Z",
        recordedAt: "2025-01-03T10:00:00.000Z",
      },
      {
        id: "1",
        kind: "earn" as const,
        points: 42,
        occurredAt: "2025-01-01T10:00:00.000Z",
        recordedAt: "2025-01-02T09:00:00.000Z",
        orderId: "1001",
        order: { channel: "store" as const, multiplier: 1.5, subtotal: "28.00", placedAt: "2025-01-01T10:00:00.000Z" },
      },
    ],
    nextCursor: null,
  },
  referrals: [],
  referralVisits: 0,
};

describe("customers", () => {
  beforeEach(() => {
    $adjustment.set({ points: "", reason: "", errors: {}, busy: false });
    $customer.set(structuredClone(mateo));
  });

  it("shows the ledger with localized kinds, and each order's channel and multiplier", () => {
    render(<CustomersPage />);
    expect(screen.getByText("Recomendación anulada")).toBeTruthy();
    expect(screen.getByText("Compra")).toBeTruthy();
    expect(screen.getByText(/Pedido 1001 · Tienda física · 28,00 € · ×1,5/)).toBeTruthy();
    expect(screen.getByText(/^registrado/)).toBeTruthy();
  });

  it("needs a whole non-zero number and a reason to adjust", async () => {
    render(<CustomersPage />);
    fireEvent.input(screen.getByLabelText("Puntos (negativo para restar)"), { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Aplicar ajuste" }));
    await screen.findByText("Escribe un número entero distinto de cero");
    expect(screen.getByText("Obligatorio")).toBeTruthy();
    expect(sentBodies("/adjustments")).toEqual([]);
  });

  it("sends the adjustment with its reason and an id that makes a retry count once", async () => {
    fetchMock.mockImplementation(async (url: string) =>
      String(url).endsWith("/adjustments")
        ? json({ adjustmentId: "x", points: -10, balance: 32 }, 201)
        : json({ ...mateo, details: { ...mateo.details, balance: 32 } }),
    );
    render(<CustomersPage />);
    fireEvent.input(screen.getByLabelText("Puntos (negativo para restar)"), { target: { value: "-10" } });
    fireEvent.input(screen.getByLabelText("Motivo"), { target: { value: "Pedido duplicado" } });
    fireEvent.click(screen.getByRole("button", { name: "Aplicar ajuste" }));
    await screen.findByText("Ajuste aplicado. Saldo: 32");
    expect(sentBodies("/adjustments")[0]).toMatchObject({ points: -10, reason: "Pedido duplicado", id: expect.stringMatching(/^console-/) });
  });

  it("erases only after a confirmation that names the customer", async () => {
    render(<CustomersPage />);
    fireEvent.click(screen.getByRole("button", { name: "Borrar datos personales" }));
    const confirm = await screen.findByRole("button", { name: "Sí, borrar los datos de mateo" });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    expect(fetchMock.mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === "DELETE")).toEqual([]);
    fetchMock.mockImplementation(async (_url: string, init?: RequestInit) =>
      init?.method === "DELETE" ? json({ erased: true, customerId: "mateo" }) : json({ customers: [], page: 1, pageSize: 25, hasMore: false }),
    );
    fireEvent.click(confirm);
    await screen.findByText("Datos borrados.");
    expect($customer.get()).toBeNull();
  });

  it("hides adjustments, export and erasure from a viewer", () => {
    $session.set(session("viewer"));
    render(<CustomersPage />);
    expect(screen.queryByRole("button", { name: "Aplicar ajuste" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Borrar datos personales" })).toBeNull();
  });
});

describe("team and account", () => {
  it("checks the invitation's email, then shows the one-time link to pass on", async () => {
    $inviteForm.set({ email: "", role: "editor", error: null, busy: false });
    $oneTimeLink.set(null);
    fetchMock.mockImplementation(async (url: string, init?: RequestInit) =>
      String(url).includes("/marketers/invites") && init?.method === "POST"
        ? json(
            {
              kind: "invite",
              email: "nora@shop.example",
              link: "http://localhost/console/#link=abcdefghijklmnopqrstuvwxyz012345",
              expiresAt: "2030-01-08T00:00:00.000Z",
            },
            201,
          )
        : json({ marketers: [{ email: "ana@shop.example", role: "owner", since: "2025-01-01T00:00:00.000Z" }], invites: [] }),
    );
    render(<TeamPage />);
    fireEvent.click(await screen.findByRole("button", { name: "Crear la invitación" }));
    await screen.findByText("Obligatorio");
    fireEvent.input(screen.getByLabelText("Correo electrónico"), { target: { value: "nora@shop.example" } });
    fireEvent.change(screen.getByLabelText("Rol"), { target: { value: "viewer" } });
    fireEvent.click(screen.getByRole("button", { name: "Crear la invitación" }));
    expect(await screen.findByText("http://localhost/console/#link=abcdefghijklmnopqrstuvwxyz012345")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Copiar el enlace" })).toBeTruthy();
    expect(sentBodies("/marketers/invites")[0]).toEqual({ email: "nora@shop.example", role: "viewer" });
  });

  it("asks for the new password twice before changing it", async () => {
    $passwordForm.set({ current: "", next: "", confirm: "", error: null, failure: null, done: false });
    render(<AccountPage />);
    fireEvent.input(screen.getByLabelText("Contraseña actual"), { target: { value: "the old one" } });
    fireEvent.input(screen.getByLabelText("Contraseña nueva"), { target: { value: "a long new password" } });
    fireEvent.input(screen.getByLabelText("Repite la contraseña"), { target: { value: "a long new passwort" } });
    fireEvent.click(screen.getByRole("button", { name: "Cambiar la contraseña" }));
    await screen.findByText("Las dos contraseñas no coinciden");
    expect(sentBodies("/session/password")).toEqual([]);
  });
});

describe("pages read a page at a time", () => {
  const answer = (orderId: string, rating: number) => ({
    orderId,
    customerId: "mateo",
    rating,
    comment: null,
    points: 10,
    createdAt: "2025-01-02T10:00:00.000Z",
    order: { placedAt: "2025-01-01T10:00:00.000Z", subtotal: "28.00", currency: "EUR", channel: "online" },
  });

  it("shows the newest feedback, then each older page under it until the last", async () => {
    fetchMock.mockImplementation(async (url: string) =>
      String(url).includes("cursor=older")
        ? json({ feedback: [answer("1001", 4)], nextCursor: null })
        : json({ feedback: [answer("1002", 5)], nextCursor: "older" }),
    );
    render(<FeedbackPage />);
    const table = await screen.findByRole("table", { name: "Valoraciones" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((header) => header.textContent),
    ).toEqual(["Fecha", "Valoración", "Comentario", "Cliente", "Pedido"]);
    fireEvent.click(screen.getByRole("button", { name: "Ver anteriores" }));
    await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(3));
    expect(
      within(table)
        .getAllByRole("row")
        .map((row) => row.querySelector("td:nth-child(2)")?.textContent),
    ).toEqual([undefined, "5 de 5", "4 de 5"]);
    expect(screen.queryByRole("button", { name: "Ver anteriores" })).toBeNull();
  });

  it("says that the change log is empty instead of showing an empty table", async () => {
    fetchMock.mockResolvedValue(json({ entries: [], nextCursor: null }));
    render(<AuditPage />);
    expect(await screen.findByText("Aún no hay cambios.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});

describe("CSV export", () => {
  it("quotes cells that need it and keeps spreadsheets from running formulas", () => {
    expect(
      toCsv([
        ["date", "members"],
        ["2025-03-01", "12"],
        ['a "b", c', "=1+1"],
        ["-5", "@x"],
      ]),
    ).toBe('date,members\r\n2025-03-01,12\r\n"a ""b"", c",\'=1+1\r\n-5,\'@x\r\n');
  });
});
