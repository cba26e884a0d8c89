import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { ConsoleSession, MarketerRole } from "../../../contract/index.ts";
import { type ConsoleUser, SESSION_MS, sessionOf } from "../../operations/console/accounts.ts";
import { ApiError } from "../../operations/errors.ts";
import type { AppConfig, AppEnv } from "../env.ts";

export const SESSION_COOKIE = "loyalty_console";

export type ConsoleEnv = AppEnv & {
  Variables: { session: ConsoleSession; sessionId: string; user: ConsoleUser; role: MarketerRole; actor: string };
};

/** Served over https: PUBLIC_URL says so, or a trusted proxy does (X-Forwarded-Proto). */
// helpers take any Context: Hono's Context is invariant in its Env, and console routes extend AppEnv
export function servedOverHttps(c: Context): boolean {
  const config: AppConfig = c.get("config");
  if (config.publicUrl) return config.publicUrl.startsWith("https://");
  if (config.trustProxy) return c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  return new URL(c.req.url).protocol === "https:";
}

/** The endpoint's origin as browsers see it. */
export function endpointOrigin(c: Context): string {
  const config: AppConfig = c.get("config");
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  const url = new URL(c.req.url);
  if (config.trustProxy) {
    const host = c.req.header("x-forwarded-host") ?? c.req.header("host");
    if (host) return `${servedOverHttps(c) ? "https" : "http"}://${host}`;
  }
  return url.origin;
}

export function setSessionCookie(c: Context, sessionId: string) {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    secure: servedOverHttps(c),
    maxAge: SESSION_MS / 1000,
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: servedOverHttps(c), httpOnly: true, sameSite: "Strict" });
}

export const sessionIdOf = (c: Context) => getCookie(c, SESSION_COOKIE);

/**
 * CSRF defence for every write (besides the SameSite=Strict cookie): the request must come from the
 * console's own origin, as `Origin` says, or `Sec-Fetch-Site: same-origin` when no Origin is sent.
 * A request with neither is refused: browsers send at least one of them on every write.
 */
export const sameOriginWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    const origin = c.req.header("origin");
    const fetchSite = c.req.header("sec-fetch-site");
    const sameOrigin = origin ? origin === endpointOrigin(c) : fetchSite === "same-origin";
    if (!sameOrigin) throw new ApiError("forbidden", "console writes must come from the console's own origin");
  }
  await next();
});

/** A signed-in person, with or without a shop chosen yet; else a 401. */
export const requireSignedIn = createMiddleware<ConsoleEnv>(async (c, next) => {
  const sessionId = sessionIdOf(c);
  const user = sessionId ? await sessionOf(c.get("services"), sessionId) : null;
  if (!sessionId || !user) throw new ApiError("unauthorized", "sign in to the console first");
  c.set("sessionId", sessionId);
  c.set("user", user);
  c.set("session", user.session);
  c.header("Cache-Control", "no-store");
  await next();
});

/** The signed-in marketer's session, shop and role in it (read afresh on every request); 401 when signed out, 403 before choosing a shop. */
export const requireSession = createMiddleware<ConsoleEnv>(async (c, next) => {
  await requireSignedIn(c, async () => {
    const user = c.get("user");
    if (!user.shop || !user.role) throw new ApiError("forbidden", "choose a shop first (PUT /v1/console/session/shop)");
    c.set("shop", user.shop);
    c.set("role", user.role);
    c.set("actor", user.email);
    await next();
  });
});

const rank: Record<MarketerRole, number> = { viewer: 0, editor: 1, owner: 2 };

/**
 * The least role a route needs: `viewer` reads, `editor` changes the program, the theme and customers (adjustments, export,
 * erasure), `owner` also the keys, the allowed origins and the shop's marketers. Checked before the body is read.
 */
export function requireRole(role: MarketerRole) {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    if (rank[c.get("role")] < rank[role]) throw new ApiError("forbidden", `this needs the ${role} role; yours is ${c.get("role")}`);
    await next();
  });
}
