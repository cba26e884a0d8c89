import { serve } from "@hono/node-server";
import { Hono } from "hono";

// The ceiling: a bare Hono handler on the same Node adapter, answering a constant JSON.
const app = new Hono();
const body = { ok: true, message: "constant" };
app.get("/bare", (c) => c.json(body));
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
server.once("listening", () => console.log("listening"));
