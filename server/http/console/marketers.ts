import { Hono } from "hono";
import { z } from "zod/mini";
import { AuditPage, AuditQuery, InviteRequest, MarketerList, OneTimeLink, RoleChange } from "../../../contract/index.ts";
import { auditPage } from "../../operations/console/audit.ts";
import { changeRole, invite, marketerList, removeMarketer, resetLink, revokeInvite } from "../../operations/console/marketers.ts";
import { document } from "../docs.ts";
import { jsonBody, parseOrThrow, queryOf } from "../validate.ts";
import { type ConsoleEnv, endpointOrigin, requireRole, requireSession } from "./session.ts";

const doc = { tag: "console", auth: "none" } as const;
const writeErrors = [400, 401, 403, 404, 409, 415];
document({
  ...doc,
  role: "viewer",
  method: "get",
  path: "/v1/console/marketers",
  response: MarketerList,
  summary: "The shop's marketers and open invitations",
  errors: [401, 403],
});
document({
  ...doc,
  role: "owner",
  method: "post",
  path: "/v1/console/marketers/invites",
  body: InviteRequest,
  response: OneTimeLink,
  status: 201,
  summary: "Invite someone with a role: a one-time link, valid 7 days, shown here and written to the endpoint's log (no email is sent)",
  errors: writeErrors,
});
document({
  ...doc,
  role: "owner",
  method: "delete",
  path: "/v1/console/marketers/invites/:email",
  response: MarketerList,
  summary: "Withdraw an open invitation",
  errors: writeErrors,
});
document({
  ...doc,
  role: "owner",
  method: "put",
  path: "/v1/console/marketers/:email",
  body: RoleChange,
  response: MarketerList,
  summary: "Change a marketer's role (the shop keeps at least one owner)",
  errors: writeErrors,
});
document({
  ...doc,
  role: "owner",
  method: "delete",
  path: "/v1/console/marketers/:email",
  response: MarketerList,
  summary: "Remove a marketer from the shop (their account and other shops stay)",
  errors: writeErrors,
});
document({
  ...doc,
  role: "owner",
  method: "post",
  path: "/v1/console/marketers/:email/reset-link",
  response: OneTimeLink,
  status: 201,
  summary:
    "A one-time password-reset link for a marketer of the shop, when every shop they work on is the owner's too (shown here and written to the log)",
  errors: writeErrors,
});
document({
  ...doc,
  role: "viewer",
  method: "get",
  path: "/v1/console/audit",
  query: AuditQuery,
  response: AuditPage,
  summary: "Who changed what in the shop, newest first, paginated with ?cursor=",
  errors: [400, 401, 403],
});

const emailOf = (value: string | undefined) => parseOrThrow(z.email(), value ?? "");

/** The shop's marketers: invitations, roles, removals and reset links (owners), the list (everyone). */
export const marketerRoutes = new Hono<ConsoleEnv>()
  .use(requireSession)
  .get("/", async (c) => c.json(await marketerList(c.get("services"), c.get("shop"))))
  .post("/invites", requireRole("owner"), jsonBody(InviteRequest), async (c) => {
    const { email, role } = c.get("body");
    const link = await invite(c.get("services"), c.get("shop"), c.get("actor"), email, role, endpointOrigin(c));
    c.get("config").log(
      `console: ${c.get("actor")} invited ${link.email} (${role}) to shop ${c.get("shop").id}: ${link.link} (until ${link.expiresAt})`,
    );
    return c.json(link, 201);
  })
  .delete("/invites/:email", requireRole("owner"), async (c) => {
    await revokeInvite(c.get("services"), c.get("shop"), c.get("actor"), emailOf(c.req.param("email")));
    return c.json(await marketerList(c.get("services"), c.get("shop")));
  })
  .put("/:email", requireRole("owner"), jsonBody(RoleChange), async (c) => {
    await changeRole(c.get("services"), c.get("shop"), c.get("actor"), emailOf(c.req.param("email")), c.get("body").role);
    return c.json(await marketerList(c.get("services"), c.get("shop")));
  })
  .delete("/:email", requireRole("owner"), async (c) => {
    await removeMarketer(c.get("services"), c.get("shop"), c.get("actor"), emailOf(c.req.param("email")));
    return c.json(await marketerList(c.get("services"), c.get("shop")));
  })
  .post("/:email/reset-link", requireRole("owner"), async (c) => {
    const link = await resetLink(c.get("services"), c.get("shop"), c.get("actor"), emailOf(c.req.param("email")), endpointOrigin(c));
    c.get("config").log(`console: ${c.get("actor")} made a password-reset link for ${link.email}: ${link.link} (until ${link.expiresAt})`);
    return c.json(link, 201);
  });

export const auditRoutes = new Hono<ConsoleEnv>().use(requireSession).get("/", queryOf(AuditQuery), async (c) => {
  const cursor = c.get("query").cursor;
  return c.json(await auditPage(c.get("services"), c.get("shop"), cursor ? Number(cursor) : undefined));
});
