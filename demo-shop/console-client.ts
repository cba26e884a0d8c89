import { InstallInfo, type SignInRequest } from "../contract/index.ts";

export interface OwnerSignIn {
  /** The endpoint as this process reaches it. */
  endpoint: string;
  /** The endpoint's origin as browsers reach it: the console's writes must come from it (its defence against CSRF). */
  consoleOrigin: string;
  owner: SignInRequest;
}

async function expectOk(response: Response, step: string): Promise<Response> {
  if (response.ok) return response;
  const body = await response.text();
  throw new Error(`${step}: ${response.status} ${body}`);
}

/**
 * Adds origins to a shop's allowed origins as the console's Install page does: signed in to the console's JSON API as an
 * owner, and signed out again. Writes nothing when the shop allows them all already.
 */
export async function allowOriginsAsOwner({ endpoint, consoleOrigin, owner }: OwnerSignIn, origins: string[]): Promise<void> {
  const json = { origin: consoleOrigin, "content-type": "application/json" };
  const signedIn = await expectOk(
    await fetch(`${endpoint}/v1/console/session`, { method: "POST", headers: json, body: JSON.stringify(owner) }),
    "signing in to the console",
  );
  const session = {
    origin: consoleOrigin,
    cookie: signedIn.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0])
      .join("; "),
  };
  try {
    const install = await expectOk(await fetch(`${endpoint}/v1/console/install`, { headers: session }), "reading the allowed origins");
    const { allowedOrigins } = InstallInfo.parse(await install.json());
    const missing = origins.filter((origin) => !allowedOrigins.includes(origin));
    if (missing.length === 0) return;
    const body = JSON.stringify({ allowedOrigins: [...allowedOrigins, ...missing] });
    await expectOk(
      await fetch(`${endpoint}/v1/console/install/allowed-origins`, { method: "PUT", headers: { ...json, ...session }, body }),
      "saving the allowed origins",
    );
  } finally {
    await fetch(`${endpoint}/v1/console/session`, { method: "DELETE", headers: session });
  }
}
