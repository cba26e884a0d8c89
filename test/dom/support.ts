import { spawn } from "node:child_process";
import { configure, waitFor, within } from "@testing-library/preact";
import { signCustomerToken } from "../../server/sdk/sign-customer-token.js";
import { boot } from "../../widget/boot/page-api.ts";
import type { PanelModule } from "../../widget/seam.ts";

/** The panel loaded from source, as the built boot loads its file. */
export const importPanel = () => import("../../widget/panel/main.tsx") as Promise<PanelModule>;

// a failed query says what it looked for (printing a shadow root is beyond Testing Library)
configure({ getElementError: (message) => new Error(message ?? "not found") });

/** The page origin these tests run at (each file sets it in its environment options, where CORS is left to the browser tests). */
export const pageOrigin = "http://127.0.0.1:5999";

/** Boots the widget as a script tag with these data attributes would, and waits for the launcher. */
export async function bootWidget(data: Record<string, string>) {
  const script = document.createElement("script");
  for (const [key, value] of Object.entries(data)) script.dataset[key] = value;
  boot(script, { importPanel });
  const shadow = await waitFor(
    () => {
      const root = document.querySelector("[data-loyalty-host]")?.shadowRoot;
      if (!root?.querySelector("[part=launcher] .launcher-label")?.textContent) throw new Error("no launcher yet");
      return root;
    },
    { timeout: 5000 },
  );
  // Testing Library's queries take any parent node; a shadow root is one
  return within(shadow as unknown as HTMLElement);
}

/** Loyalty('destroy') between tests: every node and listener goes. */
export function destroyWidget() {
  (window as unknown as { Loyalty?: (name: string) => void }).Loyalty?.("destroy");
}

export interface Endpoint {
  url: string;
  token(customerId: string): string;
  backend(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>;
  stop(): void;
}

/** A real endpoint (fresh SQLite, shop "demo" allowing `pageOrigin`) in a child process. */
export async function startEndpoint(): Promise<Endpoint> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/dom/endpoint-process.ts", pageOrigin], { stdio: ["ignore", "pipe", "inherit"] });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString()));
    child.once("exit", () => reject(new Error("the test endpoint did not start")));
  });
  const { url, secretKey, signingSecret } = JSON.parse(line) as { url: string; secretKey: string; signingSecret: string };
  return {
    url,
    token: (customerId) => signCustomerToken({ signingSecret, shop: "demo", customerId, expiresIn: 3600 }),
    async backend(method, path, body) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${secretKey}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    stop: () => child.kill("SIGTERM"),
  };
}
