import { describe, expect, it } from "vitest";
import { testEndpoint } from "../support/endpoint.ts";

describe("the request log", () => {
  it("holds method, path and status, and no token, key or personal data", async () => {
    const lines: string[] = [];
    const e = await testEndpoint({ log: (line) => lines.push(line) });
    await e.call("PUT", "/v1/customers/ana", {
      headers: e.asShop,
      body: { email: "ana.private@example.com", name: "Ana Privada", birthday: "1990-04-02" },
    });
    await e.order("ana", "10.00");
    const token = e.token("ana");
    await e.call("GET", `/v1/shops/demo/widget?token=${token}`);
    await e.call("GET", "/v1/shops/demo/widget?token=forged.token.value");
    await e.call("POST", "/v1/shops/demo/redemptions", {
      headers: { ...e.asCustomer("ana"), "idempotency-key": "log-key-0001" },
      body: { rewardId: "free-shipping" },
    });
    await e.call("GET", "/v1/customers/ana/export", { headers: e.asShop });
    await e.close();

    expect(lines.length).toBeGreaterThanOrEqual(6);
    expect(lines).toContain(lines.find((line) => /^GET \/v1\/shops\/demo\/widget 200 /.test(line)));
    const all = lines.join("\n");
    for (const secret of [
      token,
      "forged.token.value",
      e.secretKey,
      e.signingSecret,
      "ana.private@example.com",
      "Ana Privada",
      "1990-04-02",
      "token=",
    ])
      expect(all).not.toContain(secret);
  });
});
