import { startEndpoint } from "./endpoint.ts";

// Placeholder replaced below by the full one-command start.
await startEndpoint();
