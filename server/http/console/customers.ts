import { Hono } from "hono";
import {
  AdjustmentRequest,
  AdjustmentResult,
  ConsoleCustomer,
  CustomerExport,
  CustomerSearchQuery,
  CustomerSearchResult,
  Erased,
  ExternalId,
} from "../../../contract/index.ts";
import { consoleCustomer, searchCustomers } from "../../operations/console/customers.ts";
import { adjustPoints, eraseCustomer, exportCustomer } from "../../operations/customers.ts";
import { ApiError } from "../../operations/errors.ts";
import { customers } from "../../storage/repository.ts";
import { document } from "../docs.ts";
import { jsonBody, parseOrThrow, queryOf } from "../validate.ts";
import { type ConsoleEnv, requireSession } from "./session.ts";

const doc = { tag: "console", auth: "none" } as const;
document({
  ...doc,
  method: "get",
  path: "/v1/console/customers",
  query: CustomerSearchQuery,
  response: CustomerSearchResult,
  summary: "Find customers by id or email",
  errors: [400, 401],
});
document({
  ...doc,
  method: "get",
  path: "/v1/console/customers/:customerId",
  response: ConsoleCustomer,
  summary: "Balance, tier, ledger and referrals",
  errors: [400, 401, 404],
});
document({
  ...doc,
  method: "post",
  path: "/v1/console/customers/:customerId/adjustments",
  body: AdjustmentRequest,
  response: AdjustmentResult,
  status: 201,
  summary: "Add or remove points with a reason; idempotent on id",
  errors: [400, 401, 403, 404, 409, 415],
});
document({
  ...doc,
  method: "get",
  path: "/v1/console/customers/:customerId/export",
  response: CustomerExport,
  summary: "Everything stored about a customer",
  errors: [400, 401, 404],
});
document({
  ...doc,
  method: "delete",
  path: "/v1/console/customers/:customerId",
  response: Erased,
  summary: "Erase personal data; ledger rows stay, unlinked",
  errors: [400, 401, 403, 404],
});

const id = (value: string | undefined) => parseOrThrow(ExternalId, value);

/** Customer service: search, details, adjustments and privacy requests, on the shop's own operations. */
export const customerRoutes = new Hono<ConsoleEnv>()
  .use(requireSession)
  .get("/", queryOf(CustomerSearchQuery), async (c) =>
    c.json({ customers: await searchCustomers(c.get("services"), c.get("shop"), c.get("query").q) }),
  )
  .get("/:customerId", async (c) => c.json(await consoleCustomer(c.get("services"), c.get("shop"), id(c.req.param("customerId")))))
  .post("/:customerId/adjustments", jsonBody(AdjustmentRequest), async (c) => {
    const customerId = id(c.req.param("customerId"));
    // the console adjusts known customers only; the backend API may create one this way
    if (!(await customers.get(c.get("services").driver.read, c.get("shop").id, customerId)))
      throw new ApiError("not_found", `no customer "${customerId}"`);
    const { result } = await adjustPoints(c.get("services"), c.get("shop"), customerId, c.get("body"));
    return c.json(result, 201);
  })
  .get("/:customerId/export", async (c) => {
    const customerId = id(c.req.param("customerId"));
    c.header("Content-Disposition", `attachment; filename="customer-${encodeURIComponent(customerId)}.json"`);
    return c.json(await exportCustomer(c.get("services"), c.get("shop"), customerId));
  })
  .delete("/:customerId", async (c) => c.json(await eraseCustomer(c.get("services"), c.get("shop"), id(c.req.param("customerId")))));
