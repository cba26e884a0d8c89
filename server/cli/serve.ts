import { startEndpoint } from "./endpoint.ts";

/** `npm run serve`: the endpoint alone. */
const endpoint = await startEndpoint();
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void endpoint.stop().then(() => process.exit(0));
  });
