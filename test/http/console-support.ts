import { saveMarketer } from "../../server/operations/console/accounts.ts";
import { type TestEndpointOptions, testEndpoint } from "../support/endpoint.ts";

export const MARKETER = { shop: "demo", email: "ana@shop.example", password: "correct horse battery" };
/** `app.request()` URLs resolve against http://localhost: the console's own origin in these tests. */
export const CONSOLE_ORIGIN = "http://localhost";

/** The test endpoint with one marketer, and calls to the console API carrying the session cookie and the console's origin. */
export async function consoleEndpoint(options: TestEndpointOptions = {}) {
  const e = await testEndpoint(options);
  await saveMarketer(e.services, MARKETER.shop, MARKETER.email, MARKETER.password);
  let cookie = "";
  const consoleCall = (method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) =>
    e.call(method, `/v1/console${path}`, { ...init, headers: { origin: CONSOLE_ORIGIN, ...(cookie ? { cookie } : {}), ...init.headers } });
  const signIn = async (credentials: Partial<typeof MARKETER> = {}) => {
    const response = await e.call("POST", "/v1/console/session", { headers: { origin: CONSOLE_ORIGIN }, body: { ...MARKETER, ...credentials } });
    const set = response.headers.get("set-cookie");
    if (response.status === 201 && set) cookie = set.split(";")[0] ?? "";
    return response;
  };
  return {
    ...e,
    consoleCall,
    signIn,
    signOutLocally: () => {
      cookie = "";
    },
    get cookie() {
      return cookie;
    },
  };
}
export type ConsoleEndpoint = Awaited<ReturnType<typeof consoleEndpoint>>;
