import { Hono } from "hono";
import {
  AdjustmentRequest,
  AdjustmentResult,
  ConsoleCustomer,
  ConsoleLedgerPage,
  CustomerExport,
  CustomerList,
  CustomerListQuery,
  Erased,
  ExternalId,
  LedgerQuery,
} from "../../../contract/index.ts";
import { consoleCustomer, consoleLedger, listCustomers } from "../../operations/console/customers.ts";
import { adjustPoints, eraseCustomer, exportCustomer, requireCustomer } from "../../operations/customers.ts";
import { document } from "../docs.ts";
import { jsonBody, parseOrThrow, queryOf } from "../validate.ts";
import { type ConsoleEnv, requireRole, requireSession } from "./session.ts";

const doc = { tag: "console", auth: "none" } as const;
document({
  ...doc,
  role: "viewer",
  method: "get",
  path: "/v1/console/customers",
  query: CustomerListQuery,
  response: CustomerList,
  summary:
    "Customers a page at a time: newest members, highest balances or highest tier points first (?sort=recent|points|tier&page=), or those whose id, email or name matches ?q= (case- and accent-insensitive)",
  errors: [400, 401],
});
document({
  ...doc,
  role: "viewer",
  method: "get",
  path: "/v1/console/customers/:customerId",
  response: ConsoleCustomer,
  summary: "Balance, tier, the latest ledger entries (with each order's channel and multiplier) and referrals",
  errors: [400, 401, 404],
});
document({
  ...doc,
  role: "viewer",
  method: "get",
  path: "/v1/console/customers/:customerId/ledger",
  query: LedgerQuery,
  response: ConsoleLedgerPage,
  summary: "Older ledger entries of a customer, paginated with ?cursor=",
  errors: [400, 401, 404],
});
document({
  ...doc,
  role: "editor",
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
  role: "editor",
  method: "get",
  path: "/v1/console/customers/:customerId/export",
  response: CustomerExport,
  summary: "Everything stored about a customer (the audit log records who took it)",
  errors: [400, 401, 404],
});
document({
  ...doc,
  role: "editor",
  method: "delete",
  path: "/v1/console/customers/:customerId",
  response: Erased,
  summary: "Erase personal data; ledger rows stay, unlinked",
  errors: [400, 401, 403, 404],
});

const id = (value: string | undefined) => parseOrThrow(ExternalId, value);

/** Customer service: the list and search, details, adjustments and privacy requests, on the shop's own operations. */
export const customerRoutes = new Hono<ConsoleEnv>()
  .use(requireSession)
  .get("/", queryOf(CustomerListQuery), async (c) => {
    const { q, sort, page } = c.get("query");
    return c.json(await listCustomers(c.get("services"), c.get("shop"), { q, sort, page: page ? Number(page) : 1 }));
  })
  .get("/:customerId", async (c) => c.json(await consoleCustomer(c.get("services"), c.get("shop"), id(c.req.param("customerId")))))
  .get("/:customerId/ledger", queryOf(LedgerQuery), async (c) => {
    const customerId = id(c.req.param("customerId"));
    await requireCustomer(c.get("services"), c.get("shop"), customerId);
    const cursor = c.get("query").cursor;
    return c.json(await consoleLedger(c.get("services"), c.get("shop"), customerId, cursor ? Number(cursor) : undefined));
  })
  .post("/:customerId/adjustments", requireRole("editor"), jsonBody(AdjustmentRequest), async (c) => {
    const customerId = id(c.req.param("customerId"));
    // the console adjusts known customers only; the backend API may create one this way
    await requireCustomer(c.get("services"), c.get("shop"), customerId);
    const { result } = await adjustPoints(c.get("services"), c.get("shop"), customerId, c.get("body"), c.get("actor"));
    return c.json(result, 201);
  })
  .get("/:customerId/export", requireRole("editor"), async (c) => {
    const customerId = id(c.req.param("customerId"));
    const exported = await exportCustomer(c.get("services"), c.get("shop"), customerId, c.get("actor"));
    c.header("Content-Disposition", `attachment; filename="customer-${encodeURIComponent(customerId)}.json"`);
    return c.json(exported);
  })
  .delete("/:customerId", requireRole("editor"), async (c) =>
    c.json(await eraseCustomer(c.get("services"), c.get("shop"), id(c.req.param("customerId")), c.get("actor"))),
  );
