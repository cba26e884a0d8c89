import { type Context, Hono } from "hono";
import { ConsoleSession, SignInRequest, SignedOut } from "../../../contract/index.ts";
import { signIn, signOut } from "../../operations/console/accounts.ts";
import type { SignInLimiter } from "../../operations/console/sign-in-limiter.ts";
import { ApiError } from "../../operations/errors.ts";
import { clientIpOf } from "../auth.ts";
import { document } from "../docs.ts";
import type { AppEnv } from "../env.ts";
import { jsonBody } from "../validate.ts";
import { clearSessionCookie, type ConsoleEnv, requireSession, sessionIdOf, setSessionCookie } from "./session.ts";

const auth = "none" as const;

document({
  method: "post",
  path: "/v1/console/session",
  tag: "console",
  auth,
  body: SignInRequest,
  response: ConsoleSession,
  status: 201,
  summary: "Sign a marketer in: sets the HttpOnly, SameSite=Strict session cookie (rate-limited per IP and per email)",
  errors: [400, 401, 403, 415, 429],
});
document({
  method: "get",
  path: "/v1/console/session",
  tag: "console",
  auth,
  response: ConsoleSession,
  summary: "The console session",
  errors: [401],
});
document({
  method: "delete",
  path: "/v1/console/session",
  tag: "console",
  auth,
  response: SignedOut,
  summary: "Sign out: ends the session and clears its cookie",
  errors: [403],
});

/** Sign-in, the current session and sign-out. */
export function sessionRoutes(limiter: SignInLimiter) {
  return new Hono<ConsoleEnv>()
    .post("/", jsonBody(SignInRequest), async (c) => {
      const services = c.get("services");
      const request = c.get("body");
      // Hono's Context is invariant in its Env; this one only adds variables to AppEnv
      const ip = clientIpOf(c as unknown as Context<AppEnv>);
      const account = `${request.shop}:${request.email.trim().toLowerCase()}`;
      const now = services.now();
      const wait = limiter.retryAfter(ip, account, now);
      if (wait > 0) throw new ApiError("rate_limited", `too many sign-in attempts; try again in ${wait} s`);
      limiter.attempted(ip, now);
      const signedIn = await signIn(services, request);
      if (!signedIn) {
        limiter.failed(account, now);
        throw new ApiError("unauthorized", "wrong shop, email or password");
      }
      limiter.succeeded(account);
      setSessionCookie(c, signedIn.sessionId);
      return c.json(signedIn.session, 201);
    })
    .get("/", requireSession, (c) => c.json(c.get("session")))
    .delete("/", async (c) => {
      const sessionId = sessionIdOf(c);
      if (sessionId) await signOut(c.get("services"), sessionId);
      clearSessionCookie(c);
      return c.json({ signedOut: true as const });
    });
}
