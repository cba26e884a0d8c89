import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "../../server/http/docs.ts";
import { type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

// Generated bad input for every route with a body: each answer must be a JSON 4xx error and no state
// may change. LOYALTY_FUZZ_RUNS raises the number of cases (CI runs the default, over 10,000).
const RUNS = Number(process.env.LOYALTY_FUZZ_RUNS ?? 1000);
let totalCases = 0;

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  enum?: unknown[];
};

let e: TestEndpoint;
let shopKey: Record<string, string>;
let customerToken: Record<string, string>;
beforeAll(async () => {
  e = await testEndpoint();
  shopKey = e.asShop;
  customerToken = { ...e.asCustomer("ana"), "idempotency-key": "fuzz-key-0001" };
  await e.order("ana", "100.00");
});
afterAll(async () => {
  console.log(`fuzzing: ${totalCases} generated requests, every one a JSON 4xx with no state change`);
  await e.close();
});

const hostileStrings = [
  "",
  " ",
  "x".repeat(5000),
  "'; DROP TABLE ledger; --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "../../etc/passwd",
  "\u0000\u0001\u0002",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃ ñ 中文 \u202e",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "99999999999999999999999.99",
  "12.345678",
  "2026-13-45T99:99:99Z",
  "javascript:alert(1)",
  "expression(alert(1))",
];
const hostileNumbers = [-1, -1e20, 1e20, 1.5, -0.0001, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1];

/** A value that cannot satisfy `schema`: the wrong JSON type for it. */
function wrongTypeFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  const types = new Set(variants ? variants.flatMap((variant) => [variant.type ?? "object"].flat()) : [schema.type ?? "object"].flat());
  const candidates: fc.Arbitrary<unknown>[] = [];
  if (!types.has("string")) candidates.push(fc.constantFrom(...hostileStrings), fc.string());
  if (!types.has("number") && !types.has("integer")) candidates.push(fc.constantFrom(...hostileNumbers), fc.double());
  if (!types.has("boolean")) candidates.push(fc.boolean());
  if (!types.has("null")) candidates.push(fc.constant(null));
  if (!types.has("object")) candidates.push(fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));
  if (!types.has("array")) candidates.push(fc.array(fc.anything(), { maxLength: 3 }));
  return fc.oneof(...candidates);
}

/** Bodies that break `schema` in one place: a missing required field, a wrong type, or not an object at all. */
function invalidBody(schema: JsonSchema, valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const arbitraries: fc.Arbitrary<unknown>[] = [
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 })),
  ];
  const required = schema.required ?? [];
  if (required.length)
    arbitraries.push(fc.constantFrom(...required).map((name) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== name))));
  if (properties.length)
    arbitraries.push(
      fc.constantFrom(...properties).chain(([name, propertySchema]) => wrongTypeFor(propertySchema).map((value) => ({ ...valid, [name]: value }))),
    );
  return fc.oneof(...arbitraries);
}

const validBodies: Record<string, Record<string, unknown>> = {
  "POST /v1/operator/shops": { id: "fuzz-shop", name: "Fuzz", allowedOrigins: [], defaultLocale: "es", currency: "EUR" },
  "POST /v1/shops/{shop}/redemptions": { rewardId: "free-shipping" },
  "POST /v1/shops/{shop}/referral-visits": { code: "ABCDEFGH" },
  "POST /v1/shops/{shop}/raffles/{raffleId}/entries": { count: 1 },
  "POST /v1/shops/{shop}/feedback": { orderId: "o-1", rating: 5, comment: "Todo bien" },
  "PUT /v1/shops/{shop}/consent": { marketing: false },
  "PUT /v1/customers/{customerId}": { email: "ana@example.com", name: "Ana", birthday: "1990-01-01", marketingConsent: true },
  "POST /v1/customers/{customerId}/adjustments": { id: "adj-1", points: 5, reason: "goodwill" },
  "POST /v1/orders": {
    id: "fuzz-order",
    customerId: "ana",
    subtotal: "10.00",
    currency: "EUR",
    channel: "online",
    discountCodes: [],
    placedAt: "2026-01-01T00:00:00Z",
  },
  "POST /v1/orders/{orderId}/refunds": { id: "fuzz-refund", amount: "1.00" },
  "POST /v1/customers/{customerId}/actions": { id: "fuzz-action", action: "newsletter", occurredAt: "2026-01-01T00:00:00Z" },
  "PUT /v1/program": {},
  "PUT /v1/theme": { accent: "#000000" },
  // the marketers' console: without its session and origin these stop at the CSRF check, still a JSON 4xx
  "POST /v1/console/session": { email: "ana@example.com", password: "not the password" },
  "PUT /v1/console/theme": { accent: "#000000" },
  "PUT /v1/console/program": {},
  "POST /v1/console/program/campaign-preview": { timeZone: "UTC", campaigns: [] },
  "POST /v1/console/customers/{customerId}/adjustments": { id: "adj-1", points: 5, reason: "goodwill" },
  "PUT /v1/console/install/allowed-origins": { allowedOrigins: [] },
  "POST /v1/console/install/secret-key": { overlapHours: 24 },
  "POST /v1/console/install/signing-secret": { overlapHours: 24 },
  "PUT /v1/console/session/shop": { shop: "demo" },
  "PUT /v1/console/session/password": { currentPassword: "not the password", newPassword: "a long new password" },
  "POST /v1/console/links/lookup": { token: "abcdefghijklmnopqrstuvwxyz012345" },
  "POST /v1/console/links/accept": { token: "abcdefghijklmnopqrstuvwxyz012345", password: "a long new password" },
  "POST /v1/console/marketers/invites": { email: "nora@example.com", role: "editor" },
  "PUT /v1/console/marketers/{email}": { role: "viewer" },
  "POST /v1/webhooks": { url: "https://hooks.example/loyalty", events: ["points.earned"] },
  "POST /v1/webhooks/{webhookId}/secret": { overlapHours: 24 },
  "PUT /v1/connectors/shopify": { shopDomain: "fuzz.myshopify.com", clientSecret: "fuzz-secret" },
  "PUT /v1/connectors/woocommerce": { webhookSecret: "fuzz-secret" },
};

function isMalformed(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

const concrete = (path: string) =>
  path
    .replace("{shop}", "demo")
    .replace("{customerId}", "ana")
    .replace("{orderId}", "o-1")
    .replace("{code}", "NOPE")
    .replace("{raffleId}", "no-such-raffle")
    .replace("{email}", "ana@example.com");

function headersFor(path: string): Record<string, string> {
  if (path.startsWith("/v1/operator")) return { authorization: "Bearer test-operator-key-0123456789" };
  if (/^\/v1\/shops\/[^/]+\/(redemptions|raffles|feedback|consent)/.test(path)) return customerToken;
  if (path.startsWith("/v1/shops")) return {};
  return shopKey;
}

async function stateDigest() {
  const rows = await e.driver.read.all(
    `SELECT 'ledger' AS t, COUNT(*) AS n, COALESCE(SUM(points), 0) AS s FROM ledger
     UNION ALL SELECT 'customers', COUNT(*), COALESCE(SUM(balance + version), 0) FROM customers
     UNION ALL SELECT 'orders', COUNT(*), COALESCE(SUM(refunded_minor), 0) FROM orders
     UNION ALL SELECT 'codes', COUNT(*), 0 FROM codes
     UNION ALL SELECT 'visits', COUNT(*), 0 FROM referral_visits
     UNION ALL SELECT 'shops', COUNT(*), COALESCE(SUM(config_version), 0) FROM shops
     UNION ALL SELECT 'raffle_entries', COUNT(*), 0 FROM raffle_entries
     UNION ALL SELECT 'feedback', COUNT(*), 0 FROM feedback
     UNION ALL SELECT 'consents', COUNT(*), 0 FROM consents`,
  );
  return JSON.stringify(rows);
}

const routes = Object.entries(openApiDocument().paths).flatMap(([path, methods]) =>
  Object.entries(methods as Record<string, { requestBody?: { content: { "application/json": { schema: JsonSchema } } } }>).map(
    ([method, operation]) => ({
      path,
      method: method.toUpperCase(),
      body: operation.requestBody?.content["application/json"].schema,
    }),
  ),
);

describe("fuzzing every route with a body", () => {
  const withBodies = routes.filter((route) => route.body);

  it("covers every route that takes a body", () => {
    expect(withBodies.map((route) => `${route.method} ${route.path}`).sort()).toEqual(Object.keys(validBodies).sort());
  });

  for (const route of withBodies) {
    it(`${route.method} ${route.path}: bad input is a JSON 4xx and changes nothing`, async () => {
      const before = await stateDigest();
      const valid = validBodies[`${route.method} ${route.path}`] ?? {};
      const raw = fc.oneof(
        invalidBody(route.body as JsonSchema, valid).map((body) => ({ text: JSON.stringify(body) ?? "null", type: "application/json" })),
        fc
          .string()
          .map((text) => `{${text}`)
          .filter(isMalformed)
          .map((text) => ({ text, type: "application/json" })),
        fc
          .constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "")
          .map((type) => ({ text: JSON.stringify(valid), type })),
        fc.constant({ text: JSON.stringify({ ...valid, pad: "x".repeat(70_000) }), type: "application/json" }),
      );
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(raw, async ({ text, type }) => {
          cases++;
          totalCases++;
          const headers: Record<string, string> = { ...headersFor(route.path), ...(type ? { "content-type": type } : {}) };
          const answer = await e.app.request(concrete(route.path), { method: route.method, headers, body: text });
          const json = (await answer.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
          return answer.status >= 400 && answer.status < 500 && typeof json?.error?.code === "string" && typeof json.error.message === "string";
        }),
        { numRuns: RUNS },
      );
      expect(cases).toBe(RUNS);
      expect(await stateDigest()).toBe(before);
    });
  }

  it("bad path ids, query strings and keys never cause a 5xx or a change", async () => {
    const before = await stateDigest();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ minLength: 129, maxLength: 300 })),
        fc.constantFrom(...routes),
        async (bad, route) => {
          totalCases++;
          const path = concrete(route.path)
            .replace("/ana", `/${encodeURIComponent(bad)}`)
            .replace("/o-1/", `/${encodeURIComponent(bad)}/`);
          const withQuery = path.includes("/activity") ? `${path}?cursor=${encodeURIComponent(bad)}&limit=${encodeURIComponent(bad)}` : path;
          const answer = await e.app.request(withQuery, {
            method: route.method,
            headers: { authorization: `Bearer ${bad.replace(/[^\x20-\x7e]/g, "")}`, "content-type": "application/json" },
            body: route.method === "GET" || route.method === "DELETE" ? undefined : "{}",
          });
          return answer.status < 500;
        },
      ),
      { numRuns: RUNS * 2 },
    );
    expect(await stateDigest()).toBe(before);
  });
});
