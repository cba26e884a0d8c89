import { randomBytes } from "node:crypto";
import type { ConsoleSession, SignInRequest } from "../../../contract/index.ts";
import { digest } from "../../domain/secrets.ts";
import { auditLog } from "../../storage/audit.ts";
import { accounts, memberships, type Role, sessions } from "../../storage/console.ts";
import type { Queries } from "../../storage/driver.ts";
import { ApiError } from "../errors.ts";
import type { Services, Shop } from "../services.ts";
import { decoyHash, hashPassword, verifyPassword } from "./passwords.ts";

export const SESSION_MS = 12 * 60 * 60 * 1000;
export const MIN_PASSWORD = 10;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** A signed-in person: their session, and the shop they work on now with their role in it (null until they choose one). */
export interface ConsoleUser {
  email: string;
  shop: Shop | null;
  role: Role | null;
  session: ConsoleSession;
}

function checkPassword(password: string) {
  if (password.length < MIN_PASSWORD) throw new ApiError("invalid_request", `a console password needs at least ${MIN_PASSWORD} characters`);
}

/**
 * Gives a person a role in a shop, creating their account with this password if they have none, or setting a new password
 * if they do (scripts, tests and the demo seed; in the console, people join through invitations).
 */
export async function saveMarketer(services: Services, shopId: string, email: string, password: string, role: Role = "owner"): Promise<void> {
  checkPassword(password);
  await services.shops.require(shopId);
  const hash = await hashPassword(password);
  const address = normaliseEmail(email);
  const now = services.now();
  await services.driver.transaction(async (tx) => {
    if (!(await accounts.setPassword(tx, address, hash))) await accounts.create(tx, address, hash, now);
    await memberships.upsert(tx, shopId, address, role, now);
  });
}

/** Opens a session for the person, on `shopId` when given; the id goes to the browser once, only its digest is stored. */
export async function openSession(services: Services, tx: Queries, email: string, shopId: string | null) {
  const sessionId = randomBytes(32).toString("base64url");
  const now = services.now();
  await sessions.create(tx, { idHash: digest(sessionId), email, shopId, expiresAt: now + SESSION_MS, at: now });
  if (shopId) await accounts.rememberShop(tx, email, shopId);
  return sessionId;
}

/**
 * Checks the email and password and opens a session. The shop is the one asked for, else the one used last, else the only
 * one; with several and no choice, the session starts without a shop and the console asks. A shop asked for that the
 * person may not manage is refused like a wrong password.
 */
export async function signIn(services: Services, request: SignInRequest): Promise<{ sessionId: string; user: ConsoleUser } | null> {
  const email = normaliseEmail(request.email);
  const account = await accounts.get(services.driver.read, email);
  const matches = await verifyPassword(request.password, account?.password_hash ?? (await decoyHash));
  if (!account || !matches) return null;
  const shops = await memberships.ofAccount(services.driver.read, email);
  const member = (id: string | null | undefined) => (id ? shops.find((shop) => shop.shop_id === id) : undefined);
  if (request.shop && !member(request.shop)) return null;
  const chosen = member(request.shop) ?? member(account.last_shop_id) ?? (shops.length === 1 ? shops[0] : undefined);
  const sessionId = await services.driver.transaction((tx) => openSession(services, tx, email, chosen?.shop_id ?? null));
  const user = await sessionOf(services, sessionId);
  return user ? { sessionId, user } : null;
}

/** The live session with this id: the person, their shops and roles (read afresh, so a changed role counts at once); null when unknown or expired. */
export async function sessionOf(services: Services, sessionId: string): Promise<ConsoleUser | null> {
  const read = services.driver.read;
  const row = await sessions.live(read, digest(sessionId), services.now());
  if (!row) return null;
  const shops = await memberships.ofAccount(read, row.email);
  const membership = row.shop_id ? shops.find((shop) => shop.shop_id === row.shop_id) : undefined;
  const shop = membership ? await services.shops.get(membership.shop_id) : null;
  const role = shop && membership ? membership.role : null;
  return {
    email: row.email,
    shop,
    role,
    session: {
      email: row.email,
      shops: shops.map((entry) => ({ id: entry.shop_id, name: entry.name, role: entry.role })),
      shop: shop && {
        id: shop.id,
        name: shop.name,
        currency: shop.currency,
        defaultLocale: shop.defaultLocale,
        timeZone: shop.program.timeZone,
      },
      role,
      expiresAt: new Date(row.expires_at).toISOString(),
    },
  };
}

/** Switches the session to another of the person's shops, and remembers it for their next sign-in. */
export async function chooseShop(services: Services, sessionId: string, user: ConsoleUser, shopId: string): Promise<ConsoleUser> {
  if (!user.session.shops.some((shop) => shop.id === shopId)) throw new ApiError("forbidden", `you may not manage shop "${shopId}"`);
  await services.driver.transaction(async (tx) => {
    await sessions.chooseShop(tx, digest(sessionId), shopId);
    await accounts.rememberShop(tx, user.email, shopId);
  });
  const chosen = await sessionOf(services, sessionId);
  if (!chosen) throw new ApiError("unauthorized", "sign in to the console first");
  return chosen;
}

export async function signOut(services: Services, sessionId: string): Promise<void> {
  await services.driver.transaction((tx) => sessions.end(tx, digest(sessionId)));
}

/** A signed-in person changes their own password: the current one is checked, their other sessions end. */
export async function changePassword(services: Services, sessionId: string, user: ConsoleUser, current: string, next: string): Promise<void> {
  const account = await accounts.get(services.driver.read, user.email);
  if (!account || !(await verifyPassword(current, account.password_hash))) throw new ApiError("forbidden", "the current password is not right");
  checkPassword(next);
  const hash = await hashPassword(next);
  await services.driver.transaction(async (tx) => {
    await accounts.setPassword(tx, user.email, hash);
    await sessions.endAllOf(tx, user.email, digest(sessionId));
    for (const shop of user.session.shops)
      await auditLog.record(tx, { shopId: shop.id, actor: user.email, action: "password.changed", at: services.now() });
  });
}
