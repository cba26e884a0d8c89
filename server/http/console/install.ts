import { Hono } from "hono";
import { AllowedOrigins, InstallChecklist, InstallInfo, RotatedSecretKey, RotatedSigningSecret, RotateRequest } from "../../../contract/index.ts";
import { HOUR } from "../../../contract/time.ts";
import { installChecklist, installInfo } from "../../operations/console/install.ts";
import { document } from "../docs.ts";
import { jsonBody } from "../validate.ts";
import { type ConsoleEnv, endpointOrigin, requireRole, requireSession } from "./session.ts";

const doc = { tag: "console", auth: "none" } as const;
const writeErrors = [400, 401, 403, 415];
document({
  ...doc,
  role: "viewer",
  method: "get",
  path: "/v1/console/install",
  response: InstallInfo,
  summary: "The snippet to paste and the state of the keys",
  errors: [401],
});
document({
  ...doc,
  role: "viewer",
  method: "get",
  path: "/v1/console/install/checklist",
  response: InstallChecklist,
  summary: "Whether the shop's site loads the widget (origins seen lately, allowed or not) and whether orders arrive",
  errors: [401],
});
document({
  ...doc,
  role: "owner",
  method: "put",
  path: "/v1/console/install/allowed-origins",
  body: AllowedOrigins,
  response: InstallInfo,
  summary: "Replace the origins whose pages may load the widget",
  errors: writeErrors,
});
document({
  ...doc,
  role: "owner",
  method: "post",
  path: "/v1/console/install/secret-key",
  body: RotateRequest,
  response: RotatedSecretKey,
  status: 201,
  summary: "A new secret key (shown once); the old one stays valid for the overlap",
  errors: writeErrors,
});
document({
  ...doc,
  role: "owner",
  method: "post",
  path: "/v1/console/install/signing-secret",
  body: RotateRequest,
  response: RotatedSigningSecret,
  status: 201,
  summary: "A new signing secret (shown once); tokens signed with the old one stay valid for the overlap",
  errors: writeErrors,
});

/** Installing the widget: snippet, allowed origins, and key rotation without downtime. */
export const installRoutes = new Hono<ConsoleEnv>()
  .use(requireSession)
  .get("/", async (c) => c.json(await installInfo(c.get("services"), c.get("shop"), endpointOrigin(c))))
  .get("/checklist", async (c) => c.json(await installChecklist(c.get("services"), c.get("shop"))))
  .put("/allowed-origins", requireRole("owner"), jsonBody(AllowedOrigins), async (c) => {
    const services = c.get("services");
    await services.settings.saveAllowedOrigins(c.get("shop"), c.get("body").allowedOrigins, c.get("actor"));
    return c.json(await installInfo(services, await services.shops.require(c.get("shop").id), endpointOrigin(c)));
  })
  .post("/secret-key", requireRole("owner"), jsonBody(RotateRequest), async (c) =>
    c.json(await c.get("services").settings.rotateSecretKey(c.get("shop"), c.get("body").overlapHours * HOUR, c.get("actor")), 201),
  )
  .post("/signing-secret", requireRole("owner"), jsonBody(RotateRequest), async (c) =>
    c.json(await c.get("services").settings.rotateSigningSecret(c.get("shop"), c.get("body").overlapHours * HOUR, c.get("actor")), 201),
  );
