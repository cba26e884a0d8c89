import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, openSync, readFileSync } from "node:fs";
import { dirname } from "node:path";

export interface Child {
  process: ChildProcess;
  url: string;
  /** Peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/**
 * Starts a built JavaScript entry in its own Node process on a port and waits until it answers. With `logFile`, the endpoint
 * logs every request as in production, into that file; without, it logs nothing.
 */
export async function startProcess(
  entry: string,
  port: number,
  env: Record<string, string>,
  probe: string,
  nodeArgs: string[] = [],
  logFile?: string,
): Promise<Child> {
  if (logFile) mkdirSync(dirname(logFile), { recursive: true });
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    env: { ...process.env, LOYALTY_LOG: logFile ? "1" : "0", ...env, PORT: String(port), HOST: "127.0.0.1", LOYALTY_RATE_LIMIT: "0" },
    stdio: ["ignore", logFile ? openSync(logFile, "w") : "pipe", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}${probe}`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    process: child,
    url,
    peakRssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024;
    },
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}
