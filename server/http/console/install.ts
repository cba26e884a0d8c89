import { Hono } from "hono";
import { AllowedOrigins, InstallInfo, RotatedSecretKey, RotatedSigningSecret, RotateRequest } from "../../../contract/index.ts";
import { installInfo } from "../../operations/console/install.ts";
import { document } from "../docs.ts";
import { jsonBody } from "../validate.ts";
import { type ConsoleEnv, endpointOrigin, requireSession } from "./session.ts";

const doc = { tag: "console", auth: "none" } as const;
const writeErrors = [400, 401, 403, 415];
document({
  ...doc,
  method: "get",
  path: "/v1/console/install",
  response: InstallInfo,
  summary: "The snippet to paste and the state of the keys",
  errors: [401],
});
document({
  ...doc,
  method: "put",
  path: "/v1/console/install/allowed-origins",
  body: AllowedOrigins,
  response: InstallInfo,
  summary: "Replace the origins whose pages may load the widget",
  errors: writeErrors,
});
document({
  ...doc,
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
  method: "post",
  path: "/v1/console/install/signing-secret",
  body: RotateRequest,
  response: RotatedSigningSecret,
  status: 201,
  summary: "A new signing secret (shown once); tokens signed with the old one stay valid for the overlap",
  errors: writeErrors,
});

const HOUR = 3_600_000;

/** Installing the widget: snippet, allowed origins, and key rotation without downtime. */
export const installRoutes = new Hono<ConsoleEnv>()
  .use(requireSession)
  .get("/", async (c) => c.json(await installInfo(c.get("services"), c.get("shop"), endpointOrigin(c))))
  .put("/allowed-origins", jsonBody(AllowedOrigins), async (c) => {
    const services = c.get("services");
    await services.saveAllowedOrigins(c.get("shop"), c.get("body").allowedOrigins);
    return c.json(await installInfo(services, await services.requireShop(c.get("shop").id), endpointOrigin(c)));
  })
  .post("/secret-key", jsonBody(RotateRequest), async (c) =>
    c.json(await c.get("services").rotateSecretKey(c.get("shop"), c.get("body").overlapHours * HOUR), 201),
  )
  .post("/signing-secret", jsonBody(RotateRequest), async (c) =>
    c.json(await c.get("services").rotateSigningSecret(c.get("shop"), c.get("body").overlapHours * HOUR), 201),
  );
