import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";

/** The built endpoint: what `npm run serve` and `npm run console` run. */
export interface EndpointFiles {
  serve: string;
  console: string;
}

const run = promisify(execFile);

async function waitUntilHealthy(url: string, running: () => boolean): Promise<void> {
  while (running()) {
    const healthy = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((retry) => setTimeout(retry, 100));
  }
  throw new Error("the loyalty endpoint stopped before it answered /healthz");
}

/**
 * Starts the endpoint as `npm run serve` does, in a child process (the demo shop reaches it over HTTP only): `ready` settles
 * once it answers at `url`, `exited` when it ends (with its exit code); `stop` ends it gracefully.
 */
export function startEndpointProcess(files: EndpointFiles, url: string, env: NodeJS.ProcessEnv) {
  // a process group of its own: a Ctrl-C in the terminal reaches this process only, which then stops the endpoint once
  const child = spawn(process.execPath, [files.serve], { env, stdio: "inherit", detached: true });
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise<number>((done) => child.once("exit", (code) => done(code ?? 1)));
  const endWithThisProcess = () => running() && child.kill("SIGTERM");
  process.once("exit", endWithThisProcess);
  const stop = async () => {
    process.off("exit", endWithThisProcess);
    if (running()) child.kill("SIGTERM");
    await exited;
  };
  return { ready: waitUntilHealthy(url, running), exited, stop };
}

/** Runs one of the endpoint's console commands (`npm run console -- …`) and answers what it printed. */
export async function endpointCommand(files: EndpointFiles, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [files.console, ...args], { env });
    return stdout.trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`npm run console -- ${args.join(" ")}: ${stderr || (error as Error).message}`);
  }
}
