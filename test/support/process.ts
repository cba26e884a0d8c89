import { type ChildProcess, spawn } from "node:child_process";

/** The endpoint (`server/cli/serve.ts`) in a process of its own on a port, for tests that kill, stop or restart it. */
export async function spawnEndpoint(options: {
  port: number;
  databaseUrl: string;
  operatorKey: string;
  env?: Record<string, string>;
}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/cli/serve.ts"], {
    env: {
      ...process.env,
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      LOYALTY_OPERATOR_KEY: options.operatorKey,
      LOYALTY_RATE_LIMIT: "0",
      LOYALTY_LOG: "0",
      ...options.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; attempt < 200; attempt++) {
    const up = await fetch(`http://127.0.0.1:${options.port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`the endpoint did not start on port ${options.port}`);
}

/** Sends `signal` and waits for the process to exit; answers its exit code. */
export const stopProcess = (child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") =>
  new Promise<number | null>((done) => {
    child.once("exit", (code) => done(code));
    child.kill(signal);
  });

/** Creates a shop through the operator API of a running endpoint; answers its keys. */
export async function createShopOn(base: string, operatorKey: string, id: string) {
  const created = await fetch(`${base}/v1/operator/shops`, {
    method: "POST",
    headers: { authorization: `Bearer ${operatorKey}`, "content-type": "application/json" },
    body: JSON.stringify({ id, name: id, allowedOrigins: [], defaultLocale: "es", currency: "EUR" }),
  });
  if (created.status !== 201) throw new Error(`shop ${id} not created: ${created.status}`);
  return (await created.json()) as { secretKey: string; signingSecret: string };
}
