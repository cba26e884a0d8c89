import { type Context, Hono } from "hono";
import {
  AcceptLink,
  ChooseShopRequest,
  ConsoleSession,
  LinkInfo,
  LinkToken,
  PasswordChange,
  PasswordChanged,
  SignedOut,
  SignInRequest,
} from "../../../contract/index.ts";
import { changePassword, chooseShop, normaliseEmail, sessionOf, signIn, signOut } from "../../operations/console/accounts.ts";
import { acceptLink, linkInfo } from "../../operations/console/marketers.ts";
import type { SignInLimiter } from "../../operations/console/sign-in-limiter.ts";
import { ApiError } from "../../operations/errors.ts";
import { clientIpOf } from "../auth.ts";
import { document } from "../docs.ts";
import type { AppEnv } from "../env.ts";
import { jsonBody } from "../validate.ts";
import { clearSessionCookie, type ConsoleEnv, requireSignedIn, sessionIdOf, setSessionCookie } from "./session.ts";

const doc = { tag: "console", auth: "none" } as const;

document({
  ...doc,
  method: "post",
  path: "/v1/console/session",
  body: SignInRequest,
  response: ConsoleSession,
  status: 201,
  summary:
    "Sign a marketer in with email and password: sets the HttpOnly, SameSite=Strict session cookie and answers the shops they may manage; the shop is the one asked for, else the last used, else the only one (rate-limited per IP and per email)",
  errors: [400, 401, 403, 415, 429],
});
document({ ...doc, method: "get", path: "/v1/console/session", response: ConsoleSession, summary: "The console session", errors: [401] });
document({
  ...doc,
  method: "delete",
  path: "/v1/console/session",
  response: SignedOut,
  summary: "Sign out: ends the session and clears its cookie",
  errors: [403],
});
document({
  ...doc,
  method: "put",
  path: "/v1/console/session/shop",
  body: ChooseShopRequest,
  response: ConsoleSession,
  summary: "Work on another of the marketer's shops (remembered for their next sign-in)",
  errors: [400, 401, 403, 415],
});
document({
  ...doc,
  method: "put",
  path: "/v1/console/session/password",
  body: PasswordChange,
  response: PasswordChanged,
  summary: "Change one's own password (the current one is checked); the person's other sessions end",
  errors: [400, 401, 403, 415],
});
document({
  ...doc,
  method: "post",
  path: "/v1/console/links/lookup",
  body: LinkToken,
  response: LinkInfo,
  summary: "What a one-time link (invitation or password reset) is for; the token comes from the link's fragment",
  errors: [400, 403, 404, 415],
});
document({
  ...doc,
  method: "post",
  path: "/v1/console/links/accept",
  body: AcceptLink,
  response: ConsoleSession,
  status: 201,
  summary:
    "Use a one-time link once: an invitation joins the shop (a new account sets its password; an existing one confirms with its current password), a reset sets a new password; signs the person in",
  errors: [400, 403, 404, 415, 429],
});

// Hono's Context is invariant in its Env; these routes only add variables to AppEnv
const ipOf = (c: Context<any>) => clientIpOf(c as unknown as Context<AppEnv>);

function limited(limiter: SignInLimiter, ip: string, account: string, now: number) {
  const wait = limiter.retryAfter(ip, account, now);
  if (wait > 0) throw new ApiError("rate_limited", `too many attempts; try again in ${wait} s`, wait);
  limiter.attempted(ip, now);
}

/** Sign-in, the session (its shop, its password) and sign-out. */
export function sessionRoutes(limiter: SignInLimiter) {
  return new Hono<ConsoleEnv>()
    .post("/", jsonBody(SignInRequest), async (c) => {
      const services = c.get("services");
      const request = c.get("body");
      const account = normaliseEmail(request.email);
      const now = services.now();
      limited(limiter, ipOf(c), account, now);
      const signedIn = await signIn(services, request);
      if (!signedIn) {
        limiter.failed(account, now);
        throw new ApiError("unauthorized", "wrong email or password");
      }
      limiter.succeeded(account);
      setSessionCookie(c, signedIn.sessionId);
      return c.json(signedIn.user.session, 201);
    })
    .get("/", requireSignedIn, (c) => c.json(c.get("session")))
    .delete("/", async (c) => {
      const sessionId = sessionIdOf(c);
      if (sessionId) await signOut(c.get("services"), sessionId);
      clearSessionCookie(c);
      return c.json({ signedOut: true as const });
    })
    .put("/shop", requireSignedIn, jsonBody(ChooseShopRequest), async (c) => {
      const chosen = await chooseShop(c.get("services"), c.get("sessionId"), c.get("user"), c.get("body").shop);
      return c.json(chosen.session);
    })
    .put("/password", requireSignedIn, jsonBody(PasswordChange), async (c) => {
      const { currentPassword, newPassword } = c.get("body");
      await changePassword(c.get("services"), c.get("sessionId"), c.get("user"), currentPassword, newPassword);
      return c.json({ changed: true as const });
    });
}

/** One-time links: what one is for, and using it (no session needed: the link is the credential). */
export function linkRoutes(limiter: SignInLimiter) {
  return new Hono<ConsoleEnv>()
    .post("/lookup", jsonBody(LinkToken), async (c) => c.json(await linkInfo(c.get("services"), c.get("body").token)))
    .post("/accept", jsonBody(AcceptLink), async (c) => {
      const services = c.get("services");
      const { token, password } = c.get("body");
      const now = services.now();
      const account = `link:${token}`;
      limited(limiter, ipOf(c), account, now);
      let sessionId: string;
      try {
        sessionId = await acceptLink(services, token, password);
      } catch (error) {
        limiter.failed(account, now);
        throw error;
      }
      const user = await sessionOf(services, sessionId);
      if (!user) throw new ApiError("unauthorized", "sign in to the console");
      setSessionCookie(c, sessionId);
      return c.json(user.session, 201);
    });
}
