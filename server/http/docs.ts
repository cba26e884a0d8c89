import { z } from "zod/mini";
import { ErrorBody } from "../../contract/index.ts";

type Schema = z.ZodMiniType;
type Auth = "operator" | "shopKey" | "customerToken" | "optionalCustomerToken" | "none";

export interface RouteDoc {
  method: "get" | "post" | "put" | "delete";
  /** Hono-style path: `/v1/shops/:shop/widget`. */
  path: string;
  summary: string;
  tag: string;
  auth: Auth;
  body?: Schema;
  query?: Schema;
  headers?: { name: string; required: boolean; description: string }[];
  response: Schema;
  /** The response's media type when it is not JSON (a CSV export). */
  responseType?: string;
  status?: number;
  errors: number[];
  /** Console routes: the least role a marketer needs (viewer, editor, owner); shown as `x-console-role`. */
  role?: "viewer" | "editor" | "owner";
}

/** Every documented route; each sub-app registers its routes beside their handlers. */
export const routeDocs: RouteDoc[] = [];
export const document = (doc: RouteDoc) => {
  routeDocs.push(doc);
  return doc;
};

const jsonSchema = (schema: Schema, io: "input" | "output") => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

const security: Record<Auth, Record<string, string[]>[] | undefined> = {
  operator: [{ operatorKey: [] }],
  shopKey: [{ shopSecretKey: [] }],
  customerToken: [{ customerToken: [] }],
  optionalCustomerToken: [{ customerToken: [] }, {}],
  none: [],
};

/** The OpenAPI 3.1 document, generated from the same zod schemas the server validates with. */
export function openApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of routeDocs) {
    const path = doc.path.replace(/:(\w+)/g, "{$1}");
    const parameters: unknown[] = [...doc.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
      name,
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    if (doc.query) {
      const query = jsonSchema(doc.query, "input") as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {}))
        parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, schema });
    }
    for (const header of doc.headers ?? [])
      parameters.push({ name: header.name, in: "header", required: header.required, description: header.description, schema: { type: "string" } });
    const responses: Record<string, unknown> = {
      [String(doc.status ?? 200)]: {
        description: "OK",
        content: { [doc.responseType ?? "application/json"]: { schema: jsonSchema(doc.response, "output") } },
      },
    };
    for (const status of doc.errors)
      responses[String(status)] = { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    paths[path] ??= {};
    paths[path][doc.method] = {
      summary: doc.summary,
      tags: [doc.tag],
      operationId: `${doc.method}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      ...(security[doc.auth] ? { security: security[doc.auth] } : {}),
      ...(doc.role ? { "x-console-role": doc.role } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(doc.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(doc.body, "input") } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Loyalty endpoint",
      version: "1.0.0",
      description: "Points ledger, rewards, referrals, tiers and campaigns behind the storefront loyalty widget.",
      license: { name: "MIT", identifier: "MIT" },
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorBody, "output") },
      securitySchemes: {
        operatorKey: { type: "http", scheme: "bearer", description: "LOYALTY_OPERATOR_KEY" },
        shopSecretKey: { type: "http", scheme: "bearer", description: "The shop's secret key (server to server)" },
        customerToken: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "HS256 customer token minted by the shop's backend" },
      },
    },
  };
}
