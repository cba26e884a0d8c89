import { matches } from "../schema/check.ts";
import { schemas } from "../schema/boot.ts";
import type { Result } from "../seam.ts";
import type { Setup } from "./config.ts";

const failure = (code: string, message: string) => ({ ok: false, error: { code, message } }) as const;

/**
 * One request to the shop's endpoint (`path` under /v1/shops/{shop}/), without cookies. A success answers its JSON unchecked:
 * each caller checks it against the schema of what it reads. Network failures and error bodies become a typed failure.
 */
export async function request(setup: Setup, path: string, init: RequestInit = {}): Promise<Result<unknown>> {
  let response: Response;
  let json: unknown;
  try {
    response = await fetch(`${setup.api}/v1/shops/${encodeURIComponent(setup.shop)}/${path}`, { ...init, credentials: "omit" });
    json = await response.json();
  } catch {
    return failure("network_error", "unreachable");
  }
  if (response.ok) return { ok: true, data: json };
  return matches(schemas.ErrorBody, json) ? { ok: false, error: json.error } : failure("internal_error", `HTTP ${response.status}`);
}

const query = (value: string) => encodeURIComponent(value);

/** The boot request's path: no custom headers (the token travels as ?token=), so no CORS preflight. */
export const bootPath = (locales: string, token?: string) => `widget?view=boot&locale=${query(locales)}${token ? `&token=${query(token)}` : ""}`;

/** The panel answer's path: the same URL for every shopper of a version and language, so caches keep it. */
export const panelPath = (locale: string, version: string) => `widget/panel?locale=${query(locale)}&v=${query(version)}`;
