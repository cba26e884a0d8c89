import { randomBytes } from "node:crypto";
import type { ConsoleSession, SignInRequest } from "../../../contract/index.ts";
import { digest } from "../../domain/secrets.ts";
import { marketers, sessions } from "../../storage/repository.ts";
import { ApiError } from "../errors.ts";
import type { Services, Shop } from "../services.ts";
import { decoyHash, hashPassword, verifyPassword } from "./passwords.ts";

export const SESSION_MS = 12 * 60 * 60 * 1000;

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Creates a marketer for a shop, or sets a new password for an existing one. */
export async function saveMarketer(services: Services, shopId: string, email: string, password: string): Promise<void> {
  if (password.length < 10) throw new ApiError("invalid_request", "a console password needs at least 10 characters");
  await services.requireShop(shopId);
  const hash = await hashPassword(password);
  await services.driver.transaction((tx) => marketers.upsert(tx, shopId, normaliseEmail(email), hash, services.now()));
}

/** Checks the credentials and opens a session; the id goes to the browser once, only its digest is stored. */
export async function signIn(services: Services, request: SignInRequest): Promise<{ sessionId: string; session: ConsoleSession } | null> {
  const email = normaliseEmail(request.email);
  const shop = await services.shop(request.shop);
  const marketer = shop ? await marketers.get(services.driver.read, shop.id, email) : undefined;
  const matches = await verifyPassword(request.password, marketer?.password_hash ?? (await decoyHash));
  if (!shop || !marketer || !matches) return null;
  const sessionId = randomBytes(32).toString("base64url");
  const now = services.now();
  const expiresAt = now + SESSION_MS;
  await services.driver.transaction((tx) => sessions.create(tx, { idHash: digest(sessionId), shopId: shop.id, email, expiresAt, at: now }));
  return { sessionId, session: describeSession(shop, email, expiresAt) };
}

/** The live session with this id, and its shop; null when unknown or expired. */
export async function sessionOf(services: Services, sessionId: string): Promise<{ shop: Shop; session: ConsoleSession } | null> {
  const row = await sessions.live(services.driver.read, digest(sessionId), services.now());
  if (!row) return null;
  const shop = await services.shop(row.shop_id);
  return shop ? { shop, session: describeSession(shop, row.email, row.expires_at) } : null;
}

export async function signOut(services: Services, sessionId: string): Promise<void> {
  await services.driver.transaction((tx) => sessions.end(tx, digest(sessionId)));
}

function describeSession(shop: Shop, email: string, expiresAt: number): ConsoleSession {
  return {
    shop: { id: shop.id, name: shop.name, currency: shop.currency, defaultLocale: shop.defaultLocale, timeZone: shop.program.timeZone },
    email,
    expiresAt: new Date(expiresAt).toISOString(),
  };
}
