import type { z } from "zod/mini";
import {
  type AdjustmentRequest,
  AdjustmentResult,
  CreatedShop,
  type CreateShopRequest,
  CustomerDetails,
  type CustomerUpsert,
  DiscountCodeInfo,
  type OrderRequest,
  OrderResult,
  Program,
  RefundResult,
} from "../contract/index.ts";

/** A call's outcome: the parsed response, or the endpoint's error (or `unreachable`). */
export type Result<T> = { ok: true; data: T } | { ok: false; status: number; error: { code: string; message: string } };

/** JSON requests to the endpoint with a bearer key; every response is checked against the contract's schema. */
function endpointCaller(endpoint: string, key: string) {
  return async function call<T>(schema: z.ZodMiniType<T>, method: string, path: string, body?: unknown): Promise<Result<T>> {
    let response: Response;
    try {
      response = await fetch(`${endpoint}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      return { ok: false, status: 0, error: { code: "unreachable", message: error instanceof Error ? error.message : String(error) } };
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      return {
        ok: false,
        status: response.status,
        error: { code: String(error?.code ?? "http_error"), message: String(error?.message ?? response.statusText) },
      };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return { ok: false, status: response.status, error: { code: "bad_response", message: parsed.error.message } };
    return { ok: true, data: parsed.data };
  };
}

/**
 * The demo shop's server-to-server client for the loyalty endpoint. It holds the shop's secret key,
 * which never leaves this process.
 */
export function loyaltyClient(options: { endpoint: string; secretKey: string }) {
  const call = endpointCaller(options.endpoint, options.secretKey);
  const path = encodeURIComponent;
  return {
    reportOrder: (order: OrderRequest) => call(OrderResult, "POST", "/v1/orders", order),
    refund: (orderId: string, refund: { id: string; amount: string }) => call(RefundResult, "POST", `/v1/orders/${path(orderId)}/refunds`, refund),
    customer: (id: string) => call(CustomerDetails, "GET", `/v1/customers/${path(id)}`),
    saveCustomer: (id: string, details: CustomerUpsert) => call(CustomerDetails, "PUT", `/v1/customers/${path(id)}`, details),
    adjustPoints: (id: string, adjustment: AdjustmentRequest) => call(AdjustmentResult, "POST", `/v1/customers/${path(id)}/adjustments`, adjustment),
    program: () => call(Program, "GET", "/v1/program"),
    saveProgram: (program: Program) => call(Program, "PUT", "/v1/program", program),
    lookUpCode: (code: string, customerId?: string) =>
      call(
        DiscountCodeInfo,
        "GET",
        `/v1/discount-codes/${path(code.trim().toUpperCase())}${customerId ? `?customerId=${encodeURIComponent(customerId)}` : ""}`,
      ),
  };
}

export type LoyaltyClient = ReturnType<typeof loyaltyClient>;

/** The operator's client, which creates shops: the demo's first start creates its own shop with it. */
export function operatorClient(options: { endpoint: string; operatorKey: string }) {
  const call = endpointCaller(options.endpoint, options.operatorKey);
  return { createShop: (shop: CreateShopRequest) => call(CreatedShop, "POST", "/v1/operator/shops", shop) };
}
