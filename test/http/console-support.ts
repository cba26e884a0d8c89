import { saveMarketer } from "../../server/operations/console/accounts.ts";
import type { Role } from "../../server/storage/console.ts";
import { type TestEndpointOptions, testEndpoint } from "../support/endpoint.ts";

export const MARKETER = { shop: "demo", email: "ana@shop.example", password: "correct horse battery" };
/** `app.request()` URLs resolve against http://localhost: the console's own origin in these tests. */
export const CONSOLE_ORIGIN = "http://localhost";

type Call = (
  method: string,
  path: string,
  init?: { body?: unknown; headers?: Record<string, string> },
) => ReturnType<Awaited<ReturnType<typeof testEndpoint>>["call"]>;

/** The test endpoint with one owner, and calls to the console API carrying a session cookie and the console's origin. */
export async function consoleEndpoint(options: TestEndpointOptions = {}) {
  const e = await testEndpoint(options);
  await saveMarketer(e.services, MARKETER.shop, MARKETER.email, MARKETER.password);

  /** A browser of its own (its own cookie) for one marketer. */
  const browser = () => {
    let cookie = "";
    const call: Call = (method, path, init = {}) =>
      e.call(method, `/v1/console${path}`, { ...init, headers: { origin: CONSOLE_ORIGIN, ...(cookie ? { cookie } : {}), ...init.headers } });
    const keep = (response: Awaited<ReturnType<Call>>) => {
      const set = response.headers.get("set-cookie");
      if (response.status === 201 && set) cookie = set.split(";")[0] ?? "";
      return response;
    };
    return {
      call,
      signIn: async (credentials: Partial<typeof MARKETER> = {}) =>
        keep(await e.call("POST", "/v1/console/session", { headers: { origin: CONSOLE_ORIGIN }, body: { ...MARKETER, ...credentials } })),
      accept: async (link: string, password: string) => {
        const token = link.split("#link=")[1] ?? "";
        return keep(await call("POST", "/links/accept", { body: { token, password } }));
      },
      forget: () => {
        cookie = "";
      },
      get cookie() {
        return cookie;
      },
    };
  };

  /** Another marketer of the demo shop with `role`, signed in in a browser of their own. */
  const marketer = async (email: string, role: Role, password = "another long password") => {
    await saveMarketer(e.services, "demo", email, password, role);
    const other = browser();
    const response = await other.signIn({ email, password });
    if (response.status !== 201) throw new Error(`${email} could not sign in: ${JSON.stringify(response.json)}`);
    return other;
  };

  const owner = browser();
  return {
    ...e,
    browser,
    marketer,
    consoleCall: owner.call,
    signIn: owner.signIn,
    signOutLocally: owner.forget,
    get cookie() {
      return owner.cookie;
    },
  };
}
export type ConsoleEndpoint = Awaited<ReturnType<typeof consoleEndpoint>>;
