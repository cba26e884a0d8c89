import type { z } from "zod/mini";
import {
  AdjustmentResult,
  Analytics,
  CampaignPreview,
  ConsoleCustomer,
  ConsoleSession,
  CustomerList,
  Erased,
  type ErrorCode,
  ErrorBody,
  InstallInfo,
  Program,
  RotatedSecretKey,
  RotatedSigningSecret,
  SignedOut,
  ThemeResponse,
} from "../contract/index.ts";

export type ApiFailure = { code: ErrorCode; message: string };
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

/** One request to the console API: the session cookie goes along, every response is parsed with its contract schema. */
async function call<S extends z.ZodMiniType>(schema: S, method: string, path: string, body?: unknown): Promise<Result<z.output<S>>> {
  let response: Response;
  let json: unknown;
  try {
    response = await fetch(`/v1/console${path}`, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    json = await response.json();
  } catch {
    return { ok: false, error: { code: "network_error", message: "the endpoint could not be reached" } };
  }
  if (response.ok) {
    const parsed = schema.safeParse(json);
    return parsed.success
      ? { ok: true, data: parsed.data as z.output<S> }
      : { ok: false, error: { code: "internal_error", message: "unexpected response" } };
  }
  const error = ErrorBody.safeParse(json);
  return { ok: false, error: error.success ? error.data.error : { code: "internal_error", message: `HTTP ${response.status}` } };
}

const segment = encodeURIComponent;

export const api = {
  session: () => call(ConsoleSession, "GET", "/session"),
  signIn: (credentials: { shop: string; email: string; password: string }) => call(ConsoleSession, "POST", "/session", credentials),
  signOut: () => call(SignedOut, "DELETE", "/session"),
  theme: () => call(ThemeResponse, "GET", "/theme"),
  saveTheme: (theme: unknown) => call(ThemeResponse, "PUT", "/theme", theme),
  resetTheme: () => call(ThemeResponse, "POST", "/theme/reset"),
  program: () => call(Program, "GET", "/program"),
  saveProgram: (program: unknown) => call(Program, "PUT", "/program", program),
  campaignPreview: (request: unknown) => call(CampaignPreview, "POST", "/program/campaign-preview", request),
  searchCustomers: (query: string) => call(CustomerList, "GET", `/customers?q=${segment(query)}`),
  customer: (id: string) => call(ConsoleCustomer, "GET", `/customers/${segment(id)}`),
  adjust: (id: string, adjustment: unknown) => call(AdjustmentResult, "POST", `/customers/${segment(id)}/adjustments`, adjustment),
  erase: (id: string) => call(Erased, "DELETE", `/customers/${segment(id)}`),
  exportUrl: (id: string) => `/v1/console/customers/${segment(id)}/export`,
  install: () => call(InstallInfo, "GET", "/install"),
  saveOrigins: (allowedOrigins: string[]) => call(InstallInfo, "PUT", "/install/allowed-origins", { allowedOrigins }),
  rotateSecretKey: (overlapHours: number) => call(RotatedSecretKey, "POST", "/install/secret-key", { overlapHours }),
  rotateSigningSecret: (overlapHours: number) => call(RotatedSigningSecret, "POST", "/install/signing-secret", { overlapHours }),
  analytics: (days: number) => call(Analytics, "GET", `/analytics?days=${days}`),
};
