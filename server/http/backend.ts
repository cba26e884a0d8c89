import { Hono } from "hono";
import {
  EventPage,
  EventsQuery,
  ActionRequest,
  ActionResult,
  AdjustmentRequest,
  AdjustmentResult,
  CustomerDetails,
  DiscountCodeInfo,
  DiscountCodeQuery,
  CustomerExport,
  CustomerUpsert,
  Erased,
  ExternalId,
  OrderRequest,
  OrderResult,
  Program,
  RefundRequest,
  RefundResult,
  ThemeResponse,
  ThemeUpdate,
} from "../../contract/index.ts";
import { contrastWarnings } from "../../contract/rules/contrast.ts";
import { recordAction } from "../operations/actions.ts";
import { eventPage } from "../operations/events.ts";
import { adjustPoints, customerDetails, eraseCustomer, exportCustomer, upsertCustomer } from "../operations/customers.ts";
import { lookUpCode } from "../operations/codes.ts";
import { placeOrder, refundOrder } from "../operations/orders.ts";
import { shopKey } from "./auth.ts";
import { document } from "./docs.ts";
import type { AppEnv } from "./env.ts";
import { jsonBody, parseOrThrow, queryOf } from "./validate.ts";

/** Server-to-server routes for a shop's backend; the shop is the secret key's. */
export const backend = new Hono<AppEnv>();
// Guard only the routes below, so that an unknown path is a 404 and not a 401.
for (const path of ["/customers/*", "/orders", "/orders/*", "/discount-codes/*", "/program", "/theme", "/events"]) backend.use(path, shopKey);

const id = (value: string | undefined) => parseOrThrow(ExternalId, value);
const replayHeader = (replayed: boolean) => (replayed ? { "Idempotent-Replayed": "true" } : undefined);
const auth = "shopKey" as const;
const writeErrors = [400, 401, 409, 413, 415, 422];

document({
  method: "put",
  path: "/v1/customers/:customerId",
  tag: "customers",
  auth,
  body: CustomerUpsert,
  response: CustomerDetails,
  summary: "Create or update a customer",
  errors: writeErrors,
});
backend.put("/customers/:customerId", jsonBody(CustomerUpsert), async (c) =>
  c.json(await upsertCustomer(c.get("services"), c.get("shop"), id(c.req.param("customerId")), c.get("body"))),
);

document({
  method: "get",
  path: "/v1/customers/:customerId",
  tag: "customers",
  auth,
  response: CustomerDetails,
  summary: "Balance, tier, progress and latest ledger entries",
  errors: [400, 401, 404],
});
backend.get("/customers/:customerId", async (c) => c.json(await customerDetails(c.get("services"), c.get("shop"), id(c.req.param("customerId")))));

document({
  method: "get",
  path: "/v1/customers/:customerId/export",
  tag: "privacy",
  auth,
  response: CustomerExport,
  summary: "Everything stored about a customer",
  errors: [400, 401, 404],
});
backend.get("/customers/:customerId/export", async (c) =>
  c.json(await exportCustomer(c.get("services"), c.get("shop"), id(c.req.param("customerId")))),
);

document({
  method: "delete",
  path: "/v1/customers/:customerId",
  tag: "privacy",
  auth,
  response: Erased,
  summary: "Erase personal data; ledger rows stay, unlinked",
  errors: [400, 401, 404],
});
// changes made with the secret key show in the console's audit log as made by "api"
backend.delete("/customers/:customerId", async (c) =>
  c.json(await eraseCustomer(c.get("services"), c.get("shop"), id(c.req.param("customerId")), "api")),
);

document({
  method: "post",
  path: "/v1/customers/:customerId/adjustments",
  tag: "customers",
  auth,
  body: AdjustmentRequest,
  response: AdjustmentResult,
  status: 201,
  summary: "Add or remove points with a reason; idempotent on id",
  errors: writeErrors,
});
backend.post("/customers/:customerId/adjustments", jsonBody(AdjustmentRequest), async (c) => {
  const { result, replayed } = await adjustPoints(c.get("services"), c.get("shop"), id(c.req.param("customerId")), c.get("body"));
  return c.json(result, 201, replayHeader(replayed));
});

document({
  method: "post",
  path: "/v1/customers/:customerId/actions",
  tag: "customers",
  auth,
  body: ActionRequest,
  response: ActionResult,
  status: 201,
  summary:
    "Report a way to earn the customer did (one of the program's actions: newsletter, review, …); idempotent on id; 422 action_limit past the action's limit",
  errors: [...writeErrors, 404],
});
backend.post("/customers/:customerId/actions", jsonBody(ActionRequest), async (c) => {
  const { result, replayed } = await recordAction(c.get("services"), c.get("shop"), id(c.req.param("customerId")), c.get("body"));
  return c.json(result, 201, replayHeader(replayed));
});

document({
  method: "post",
  path: "/v1/orders",
  tag: "orders",
  auth,
  body: OrderRequest,
  response: OrderResult,
  status: 201,
  summary: "Report an order (online or in store): awards points; idempotent on id",
  errors: writeErrors,
});
backend.post("/orders", jsonBody(OrderRequest), async (c) => {
  const { result, replayed } = await placeOrder(c.get("services"), c.get("shop"), c.get("body"));
  if (!replayed) c.get("metrics").orders.inc();
  return c.json(result, 201, replayHeader(replayed));
});

document({
  method: "post",
  path: "/v1/orders/:orderId/refunds",
  tag: "orders",
  auth,
  body: RefundRequest,
  response: RefundResult,
  status: 201,
  summary: "Refund part or all of an order: reverses its points at the rate it earned; idempotent on id",
  errors: [...writeErrors, 404],
});
backend.post("/orders/:orderId/refunds", jsonBody(RefundRequest), async (c) => {
  const { result, replayed } = await refundOrder(c.get("services"), c.get("shop"), id(c.req.param("orderId")), c.get("body"));
  return c.json(result, 201, replayHeader(replayed));
});

document({
  method: "get",
  path: "/v1/discount-codes/:code",
  tag: "orders",
  auth,
  query: DiscountCodeQuery,
  response: DiscountCodeInfo,
  summary:
    "Check a loyalty or referral code at checkout: what it gives and whether it is still usable; with ?customerId=, whether that customer may use it",
  errors: [400, 401, 404],
});
backend.get("/discount-codes/:code", queryOf(DiscountCodeQuery), async (c) =>
  c.json(await lookUpCode(c.get("services"), c.get("shop"), c.req.param("code"), c.get("query").customerId)),
);

document({ method: "get", path: "/v1/program", tag: "configuration", auth, response: Program, summary: "The loyalty program", errors: [401] });
backend.get("/program", (c) => c.json(c.get("shop").program));

document({
  method: "put",
  path: "/v1/program",
  tag: "configuration",
  auth,
  body: Program,
  response: Program,
  summary: "Replace the program; past ledger entries are never rewritten",
  errors: writeErrors,
});
backend.put("/program", jsonBody(Program), async (c) => c.json(await c.get("services").settings.saveProgram(c.get("shop"), c.get("body"), "api")));

document({
  method: "get",
  path: "/v1/theme",
  tag: "configuration",
  auth,
  response: ThemeResponse,
  summary: "The widget's theme and any contrast warnings",
  errors: [401],
});
backend.get("/theme", (c) => c.json({ theme: c.get("shop").theme, warnings: contrastWarnings(c.get("shop").theme) }));

document({
  method: "put",
  path: "/v1/theme",
  tag: "configuration",
  auth,
  body: ThemeUpdate,
  response: ThemeResponse,
  summary: "Change theme tokens (a partial theme is merged); low contrast is accepted and flagged",
  errors: writeErrors,
});
backend.put("/theme", jsonBody(ThemeUpdate), async (c) => c.json(await c.get("services").settings.saveTheme(c.get("shop"), c.get("body"), "api")));

document({
  method: "get",
  path: "/v1/events",
  tag: "events",
  auth,
  query: EventsQuery,
  response: EventPage,
  summary:
    "The shop's events (points.expiring, points.expired, raffle.won, consent.changed), oldest first, after ?after= (the last id you handled): to send reminder emails by polling",
  errors: [400, 401],
});
backend.get("/events", queryOf(EventsQuery), async (c) => {
  const { after, limit } = c.get("query");
  return c.json(await eventPage(c.get("services"), c.get("shop"), after ? Number(after) : 0, limit ? Number(limit) : 100));
});
