// Runs a real test endpoint in its own Node process (the server must not run inside happy-dom's window) and prints how to reach it.
import { startTestEndpoint } from "../support/server.ts";

const endpoint = await startTestEndpoint({ allowedOrigins: [process.argv[2] ?? ""] });
process.stdout.write(`${JSON.stringify({ url: endpoint.url, secretKey: endpoint.secretKey, signingSecret: endpoint.signingSecret })}\n`);
process.on("SIGTERM", () => endpoint.stop().then(() => process.exit(0)));
