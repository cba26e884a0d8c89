import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { CreatedShop, Program } from "../contract/index.ts";
import { DAY } from "../contract/time.ts";
import { loyaltyClient, operatorClient, type Result } from "./loyalty-client.ts";

export const DEMO_SHOP_ID = "demo";

export type DemoKeys = CreatedShop;

/** The seeded shoppers: one new, one close to a reward, one in a higher tier. */
export const demoShoppers = [
  { id: "lucia", name: "Lucía Martín", email: "lucia@example.com", story: { es: "Recién llegada: 0 puntos", en: "Brand new: 0 points" } },
  { id: "mateo", name: "Mateo Ruiz", email: "mateo@example.com", story: { es: "A punto de conseguir un premio", en: "Close to a reward" } },
  { id: "carmen", name: "Carmen Vidal", email: "carmen@example.com", story: { es: "Nivel Oro, clienta habitual", en: "Gold tier, regular" } },
] as const;

function demoProgram(program: Program, shopUrl: string, now = Date.now()): Program {
  return {
    ...program,
    timeZone: "Europe/Madrid",
    campaigns: [
      {
        id: "martes-dobles",
        kind: "weekly",
        name: { es: "Martes de puntos dobles", en: "Double-points Tuesday" },
        multiplier: 2,
        days: [2],
        start: "15:00",
        end: "17:00",
      },
      {
        id: "finde-triple",
        kind: "weekly",
        name: { es: "Fin de semana ×1,5", en: "Weekend ×1.5" },
        multiplier: 1.5,
        days: [6, 7],
        start: "10:00",
        end: "14:00",
      },
    ],
    links: { join: `${shopUrl}/cuenta/entrar`, signIn: `${shopUrl}/cuenta/entrar` },
    // a raffle open from the first start for a month: entered with points from the widget's rewards
    raffles: [
      {
        id: "cesta-invierno",
        title: { es: "Sorteo de la cesta de invierno", en: "Winter hamper draw" },
        prize: { es: "una cesta de productos de temporada", en: "a hamper of seasonal produce" },
        entryCost: 100,
        maxEntriesPerCustomer: 5,
        opensAt: new Date(now - DAY).toISOString(),
        closesAt: new Date(now + 30 * DAY).toISOString(),
      },
    ],
  };
}

/** What the seed needs: the endpoint, the operator key that creates the shop, and where the shop's keys are kept. */
export interface SeedOptions {
  endpoint: string;
  operatorKey: string;
  /** The shop's keys, development only (data/demo-keys.json). */
  keysFile: string;
  shopOrigins: string[];
}

/** A call's data, or an error that says which step of the seed failed and why. */
function expectOk<T>(result: Result<T>, step: string): T {
  if (result.ok) return result.data;
  throw new Error(`seeding the demo shop: ${step} failed (${result.status} ${result.error.code}: ${result.error.message})`);
}

const savedKeys = (file: string) => (existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as DemoKeys) : null);

/**
 * Creates the demo shop on first start, over the endpoint's HTTP API like any shop's backend (its keys are kept in
 * `keysFile`, development only), and seeds its shoppers with history. A later start finds the keys and reuses the data.
 */
export async function seedDemoShop(options: SeedOptions): Promise<{ keys: DemoKeys; created: boolean }> {
  const saved = savedKeys(options.keysFile);
  if (saved && (await loyaltyClient({ endpoint: options.endpoint, secretKey: saved.secretKey }).program()).ok) return { keys: saved, created: false };

  const created = await operatorClient(options).createShop({
    id: DEMO_SHOP_ID,
    name: "La Tienda de Prueba",
    allowedOrigins: options.shopOrigins,
    defaultLocale: "es",
    currency: "EUR",
    timeZone: "Europe/Madrid",
  });
  if (!created.ok && created.status === 409)
    throw new Error(`shop "${DEMO_SHOP_ID}" exists but ${options.keysFile} is missing or stale: delete the data folder to start afresh`);
  const keys = expectOk(created, "creating the shop");
  mkdirSync(dirname(options.keysFile), { recursive: true });
  writeFileSync(options.keysFile, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });

  const loyalty = loyaltyClient({ endpoint: options.endpoint, secretKey: keys.secretKey });
  const program = expectOk(await loyalty.program(), "reading the program");
  expectOk(await loyalty.saveProgram(demoProgram(program, options.shopOrigins[0] ?? "http://localhost:5174")), "saving the program");
  for (const shopper of demoShoppers)
    expectOk(await loyalty.saveCustomer(shopper.id, { name: shopper.name, email: shopper.email, marketingConsent: true }), `saving ${shopper.id}`);
  const order = async (id: string, customerId: string, subtotal: string, daysAgo: number, channel: "online" | "store" = "online") =>
    expectOk(
      await loyalty.reportOrder({
        id,
        customerId,
        subtotal,
        currency: "EUR",
        channel,
        discountCodes: [],
        placedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
      }),
      `reporting order ${id}`,
    );
  await order("DEMO-1001", "mateo", "129.90", 40);
  await order("DEMO-1002", "mateo", "84.50", 12, "store");
  await order("DEMO-1003", "mateo", "45.00", 3);
  await order("DEMO-2001", "carmen", "420.00", 200);
  await order("DEMO-2002", "carmen", "610.00", 90, "store");
  await order("DEMO-2003", "carmen", "380.00", 20);
  await order("DEMO-2004", "carmen", "150.00", 6);
  expectOk(await loyalty.adjustPoints("carmen", { id: "DEMO-ADJ-1", points: 100, reason: "Gracias por tu reseña" }), "adjusting carmen's points");
  return { keys, created: true };
}
