import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { CreatedShop, Program } from "../contract/index.ts";
import { placeOrder } from "../server/operations/orders.ts";
import { adjustPoints, upsertCustomer } from "../server/operations/customers.ts";
import type { Services } from "../server/operations/services.ts";

export const DEMO_SHOP_ID = "demo";

export type DemoKeys = CreatedShop;

/** The seeded shoppers: one new, one close to a reward, one in a higher tier. */
export const demoShoppers = [
  { id: "lucia", name: "Lucía Martín", email: "lucia@example.com", story: { es: "Recién llegada: 0 puntos", en: "Brand new: 0 points" } },
  { id: "mateo", name: "Mateo Ruiz", email: "mateo@example.com", story: { es: "A punto de conseguir un premio", en: "Close to a reward" } },
  { id: "carmen", name: "Carmen Vidal", email: "carmen@example.com", story: { es: "Nivel Oro, clienta habitual", en: "Gold tier, regular" } },
] as const;

function demoProgram(program: Program, shopUrl: string): Program {
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
  };
}

/**
 * Creates the demo shop on first start (its keys are kept in `keysFile`, development only) and seeds
 * its shoppers with history. A second start finds it and reuses the data.
 */
export async function seedDemoShop(
  services: Services,
  options: { keysFile: string; shopOrigins: string[] },
): Promise<{ keys: DemoKeys; created: boolean }> {
  const existing = await services.shops.get(DEMO_SHOP_ID);
  if (existing && existsSync(options.keysFile)) return { keys: JSON.parse(readFileSync(options.keysFile, "utf8")) as DemoKeys, created: false };
  if (existing) throw new Error(`shop "${DEMO_SHOP_ID}" exists but ${options.keysFile} is missing: delete the data folder to start afresh`);

  const created = await services.settings.createShop({
    id: DEMO_SHOP_ID,
    name: "La Tienda de Prueba",
    allowedOrigins: options.shopOrigins,
    defaultLocale: "es",
    currency: "EUR",
    timeZone: "Europe/Madrid",
  });
  mkdirSync(dirname(options.keysFile), { recursive: true });
  writeFileSync(options.keysFile, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
  let shop = await services.shops.require(DEMO_SHOP_ID);
  await services.settings.saveProgram(shop, demoProgram(shop.program, options.shopOrigins[0] ?? "http://localhost:5174"));
  shop = await services.shops.require(DEMO_SHOP_ID);

  for (const shopper of demoShoppers)
    await upsertCustomer(services, shop, shopper.id, { name: shopper.name, email: shopper.email, marketingConsent: true });
  const day = 86_400_000;
  const order = (id: string, customerId: string, subtotal: string, daysAgo: number, channel: "online" | "store" = "online") =>
    placeOrder(services, shop, {
      id,
      customerId,
      subtotal,
      currency: "EUR",
      channel,
      discountCodes: [],
      placedAt: new Date(services.now() - daysAgo * day).toISOString(),
    });
  await order("DEMO-1001", "mateo", "129.90", 40);
  await order("DEMO-1002", "mateo", "84.50", 12, "store");
  await order("DEMO-1003", "mateo", "45.00", 3);
  await order("DEMO-2001", "carmen", "420.00", 200);
  await order("DEMO-2002", "carmen", "610.00", 90, "store");
  await order("DEMO-2003", "carmen", "380.00", 20);
  await order("DEMO-2004", "carmen", "150.00", 6);
  await adjustPoints(services, shop, "carmen", { id: "DEMO-ADJ-1", points: 100, reason: "Gracias por tu reseña" });
  return { keys: created, created: true };
}
