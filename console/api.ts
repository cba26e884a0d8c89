import type { z } from "zod/mini";
import {
  AdjustmentResult,
  Analytics,
  AuditPage,
  CampaignPreview,
  ConsoleCustomer,
  ConsoleLedgerPage,
  ConsoleSession,
  CustomerList,
  Erased,
  type ErrorCode,
  ErrorBody,
  FeedbackPage,
  RaffleList,
  InstallChecklist,
  InstallInfo,
  LinkInfo,
  MarketerList,
  OneTimeLink,
  PasswordChanged,
  Program,
  RotatedSecretKey,
  RotatedSigningSecret,
  DeliveryPage,
  WebhookDelivery,
  WebhookList,
  SignedOut,
  ThemeResponse,
  WidgetTextDefaults,
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
const query = (values: Record<string, string | number | undefined>) =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([key, value]) => `${key}=${segment(String(value))}`)
    .join("&");

export const api = {
  session: () => call(ConsoleSession, "GET", "/session"),
  signIn: (credentials: { email: string; password: string; shop?: string }) => call(ConsoleSession, "POST", "/session", credentials),
  signOut: () => call(SignedOut, "DELETE", "/session"),
  chooseShop: (shop: string) => call(ConsoleSession, "PUT", "/session/shop", { shop }),
  changePassword: (change: { currentPassword: string; newPassword: string }) => call(PasswordChanged, "PUT", "/session/password", change),
  lookupLink: (token: string) => call(LinkInfo, "POST", "/links/lookup", { token }),
  acceptLink: (accept: { token: string; password: string }) => call(ConsoleSession, "POST", "/links/accept", accept),
  theme: () => call(ThemeResponse, "GET", "/theme"),
  themeTexts: () => call(WidgetTextDefaults, "GET", "/theme/texts"),
  saveTheme: (theme: unknown) => call(ThemeResponse, "PUT", "/theme", theme),
  resetTheme: () => call(ThemeResponse, "POST", "/theme/reset"),
  program: () => call(Program, "GET", "/program"),
  saveProgram: (program: unknown) => call(Program, "PUT", "/program", program),
  campaignPreview: (request: unknown) => call(CampaignPreview, "POST", "/program/campaign-preview", request),
  customers: (options: { q?: string; sort?: string; page?: number }) => call(CustomerList, "GET", `/customers?${query(options)}`),
  customer: (id: string) => call(ConsoleCustomer, "GET", `/customers/${segment(id)}`),
  ledger: (id: string, cursor: string) => call(ConsoleLedgerPage, "GET", `/customers/${segment(id)}/ledger?${query({ cursor })}`),
  adjust: (id: string, adjustment: unknown) => call(AdjustmentResult, "POST", `/customers/${segment(id)}/adjustments`, adjustment),
  erase: (id: string) => call(Erased, "DELETE", `/customers/${segment(id)}`),
  exportUrl: (id: string) => `/v1/console/customers/${segment(id)}/export`,
  install: () => call(InstallInfo, "GET", "/install"),
  checklist: () => call(InstallChecklist, "GET", "/install/checklist"),
  saveOrigins: (allowedOrigins: string[]) => call(InstallInfo, "PUT", "/install/allowed-origins", { allowedOrigins }),
  rotateSecretKey: (overlapHours: number) => call(RotatedSecretKey, "POST", "/install/secret-key", { overlapHours }),
  rotateSigningSecret: (overlapHours: number) => call(RotatedSigningSecret, "POST", "/install/signing-secret", { overlapHours }),
  analytics: (days: number) => call(Analytics, "GET", `/analytics?days=${days}`),
  marketers: () => call(MarketerList, "GET", "/marketers"),
  invite: (email: string, role: string) => call(OneTimeLink, "POST", "/marketers/invites", { email, role }),
  revokeInvite: (email: string) => call(MarketerList, "DELETE", `/marketers/invites/${segment(email)}`),
  changeRole: (email: string, role: string) => call(MarketerList, "PUT", `/marketers/${segment(email)}`, { role }),
  removeMarketer: (email: string) => call(MarketerList, "DELETE", `/marketers/${segment(email)}`),
  resetLink: (email: string) => call(OneTimeLink, "POST", `/marketers/${segment(email)}/reset-link`),
  audit: (cursor?: string) => call(AuditPage, "GET", `/audit?${query({ cursor })}`),
  raffles: () => call(RaffleList, "GET", "/raffles"),
  feedback: (cursor?: string) => call(FeedbackPage, "GET", `/feedback?${query({ cursor })}`),
  feedbackExportUrl: "/v1/console/feedback/export",
  webhooks: () => call(WebhookList, "GET", "/webhooks"),
  deliveries: (id: string) => call(DeliveryPage, "GET", `/webhooks/${segment(id)}/deliveries?limit=100`),
  redeliver: (id: string, deliveryId: string) =>
    call(WebhookDelivery, "POST", `/webhooks/${segment(id)}/deliveries/${segment(deliveryId)}/redeliver`),
};
