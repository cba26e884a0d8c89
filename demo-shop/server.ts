import { createHmac } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createShopApp } from "./app.ts";
import { loyaltyClient } from "./loyalty-client.ts";
import { ShopStore } from "./store.ts";

export interface DemoShopOptions {
  /** The shop's keys, as the operator API returned them (data/demo-keys.json in development). */
  keys: { id: string; secretKey: string; signingSecret: string };
  /** The loyalty endpoint's origin, used by this backend and by the browser's script tag. */
  endpointUrl: string;
  port: number;
  host: string;
  /** Where the shop keeps its own accounts and orders; null keeps them in memory. */
  storeFile: string | null;
  /** The folder holding shop.css, shop.js and favicon.svg. */
  assetsDir: string;
}

/** Starts the demo shop's server; `url` is its own origin, distinct from the endpoint's. */
export async function startDemoShop(options: DemoShopOptions) {
  const app = createShopApp(
    {
      loyalty: loyaltyClient({ endpoint: options.endpointUrl, secretKey: options.keys.secretKey }),
      store: new ShopStore(options.storeFile),
      shopId: options.keys.id,
      signingSecret: options.keys.signingSecret,
      endpointUrl: options.endpointUrl,
      // Derived, so that sessions survive a restart without another secret to keep.
      sessionSecret: createHmac("sha256", options.keys.signingSecret).update("demo-shop session cookies").digest("base64url"),
    },
    { assetsDir: options.assetsDir },
  );
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host });
  await new Promise<void>((ready, fail) => {
    server.once("listening", ready);
    server.once("error", fail);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host === "127.0.0.1" || options.host === "0.0.0.0" ? "localhost" : options.host}:${port}`;
  const stop = async () => {
    (server as import("node:http").Server).closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  };
  return { url, port, stop };
}
