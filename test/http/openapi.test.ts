import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestEndpoint, testEndpoint } from "../support/endpoint.ts";

let e: TestEndpoint;
beforeAll(async () => {
  e = await testEndpoint();
});
afterAll(() => e.close());

describe("GET /v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const { json } = await e.call("GET", "/v1/openapi.json");
    expect(json.openapi).toBe("3.1.0");
    const result = await new Validator().validate(json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents every route the app serves under /v1", async () => {
    const { json } = await e.call("GET", "/v1/openapi.json");
    const documented = new Set(
      Object.entries(json.paths).flatMap(([path, methods]) => Object.keys(methods as object).map((method) => `${method.toUpperCase()} ${path}`)),
    );
    const served = new Set(
      e.app.routes
        .filter((route) => route.path.startsWith("/v1/") && route.method !== "ALL" && route.method !== "OPTIONS" && route.path !== "/v1/openapi.json")
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`),
    );
    expect([...served].filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => !served.has(route))).toEqual([]);
  });

  it("describes request bodies from the same schemas the server validates with", async () => {
    const { json } = await e.call("GET", "/v1/openapi.json");
    const order = json.paths["/v1/orders"].post.requestBody.content["application/json"].schema;
    expect(order.required).toEqual(expect.arrayContaining(["id", "customerId", "subtotal", "currency", "channel", "placedAt"]));
    expect(order.properties.channel.enum).toEqual(["online", "store"]);
  });
});
