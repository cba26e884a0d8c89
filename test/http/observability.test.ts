import { describe, expect, it } from "vitest";
import { testEndpoint } from "../support/endpoint.ts";

// Running it: readiness, Prometheus metrics behind a token, structured logs with a request id and no personal data.

describe("readiness", () => {
  it("is ready when storage answers and every migration is applied; not while shutting down", async () => {
    let draining = false;
    const e = await testEndpoint({ config: { isDraining: () => draining } });
    try {
      const ready = await e.call("GET", "/readyz");
      expect(ready.status).toBe(200);
      expect(ready.json).toMatchObject({ ready: true, storage: e.driver.dialect });
      draining = true;
      const leaving = await e.call("GET", "/readyz");
      expect(leaving.status).toBe(503);
      expect(leaving.json).toEqual({ ready: false, reason: "shutting down" });
      expect((await e.call("GET", "/healthz")).status).toBe(200);
    } finally {
      await e.close();
    }
  });
});

describe("metrics", () => {
  it("are off without LOYALTY_METRICS_TOKEN, refuse a wrong token, and count requests by route, orders and redemptions", async () => {
    const off = await testEndpoint();
    expect((await off.call("GET", "/metrics")).status).toBe(404);
    await off.close();

    const e = await testEndpoint({ config: { metricsToken: "metrics-token-0123456789" } });
    try {
      expect((await e.call("GET", "/metrics", { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
      await e.call("PUT", "/v1/customers/lucia.f@example.org", { headers: e.asShop, body: { name: "Lucía" } });
      await e.order("lucia.f@example.org", "400.00");
      await e.order("lucia.f@example.org", "10.00", { id: "o-1" }); // a replay of o-1 with other content: 409, not counted
      await e.call("GET", `/v1/shops/demo/widget?token=${e.token("lucia.f@example.org")}`);
      const redeemed = await e.call("POST", "/v1/shops/demo/redemptions", {
        headers: { ...e.asCustomer("lucia.f@example.org"), "idempotency-key": "metrics-key-1" },
        body: { rewardId: "free-shipping" },
      });
      expect(redeemed.status).toBe(201);
      const scraped = await e.call("GET", "/metrics", { headers: { authorization: "Bearer metrics-token-0123456789" } });
      expect(scraped.status).toBe(200);
      expect(scraped.headers.get("content-type")).toMatch(/^text\/plain/);
      const text = String(scraped.json);
      expect(text).toMatch(/loyalty_http_requests_total\{route="\/v1\/shops\/:shop\/widget",method="GET",status="200"\} 1/);
      expect(text).toMatch(/loyalty_http_requests_total\{route="\/v1\/orders",method="POST",status="409"\} 1/);
      expect(text).toMatch(/loyalty_http_request_duration_seconds_bucket\{le="\+Inf",route="\/v1\/orders",method="POST",status="201"\} 1/);
      expect(text).toMatch(/^loyalty_orders_total 1$/m);
      expect(text).toMatch(/^loyalty_redemptions_total 1$/m);
      expect(text).toMatch(/^loyalty_webhook_queue_depth 0$/m);
      expect(text).toMatch(/^loyalty_webhook_queue_oldest_seconds 0$/m);
      if (e.driver.dialect === "sqlite") expect(text).toMatch(/^loyalty_sqlite_commit_group_size_count [1-9]\d*$/m);
      else expect(text).toMatch(/^loyalty_db_pool_connections\{state="total"\} \d+$/m);
      for (const secret of ["lucia", e.secretKey, e.signingSecret]) expect(text).not.toContain(secret);
    } finally {
      await e.close();
    }
  });
});

describe("logs", () => {
  it("in JSON, one object a line with the request id the caller sent (or a new one), the route and no personal data", async () => {
    const lines: string[] = [];
    const e = await testEndpoint({ log: (line) => lines.push(line), config: { logFormat: "json" } });
    try {
      const customer = "lucia.f@example.org";
      lines.length = 0; // from the shop's creation on
      const answer = await e.call("PUT", `/v1/customers/${customer}`, {
        headers: { ...e.asShop, "x-request-id": "req-42" },
        body: { name: "Lucía" },
      });
      expect(answer.headers.get("x-request-id")).toBe("req-42");
      await e.call("GET", `/v1/shops/demo/widget?token=${e.token(customer)}`);
      await e.call("GET", `/v1/discount-codes/PR-SECRET-CODE?customerId=${customer}`, { headers: e.asShop });
      const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(records[0]).toMatchObject({
        level: "info",
        msg: "request",
        requestId: "req-42",
        method: "PUT",
        path: "/v1/customers/:customerId",
        status: 200,
      });
      expect(records[1]).toMatchObject({ path: "/v1/shops/demo/widget", status: 200 });
      expect(records[1]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(records[2]).toMatchObject({ path: "/v1/discount-codes/:code", status: 404 });
      const all = lines.join("\n");
      for (const secret of [customer, "lucia", "PR-SECRET-CODE", "token=", e.secretKey]) expect(all).not.toContain(secret);
    } finally {
      await e.close();
    }
  });
});
