import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { checkCustomerToken } from "../../server/domain/tokens.ts";
import { signCustomerToken } from "../../server/sdk/sign-customer-token.js";

// The WooCommerce plugin's PHP signer must mint the very tokens the Node helper mints. It runs under the PHP CLI (`php-cli`,
// which .ci/run installs); without PHP this says so loudly, and with CI=true it fails.
const php = spawnSync("php", ["--version"]).status === 0;
if (!php) {
  const message = "⚠ php is not installed: the WooCommerce plugin's PHP token signer is NOT tested (apt-get install php-cli)";
  if (process.env.CI === "true") throw new Error(`CI=true and ${message}`);
  console.warn(message);
}

const phpToken = (secret: string, shop: string, customerId: string, issuedAt: number, expiresIn: number) =>
  execFileSync(
    "php",
    [
      "-r",
      "require $argv[1]; echo loyalty_customer_token($argv[2], $argv[3], $argv[4], (int) $argv[5], (int) $argv[6]);",
      "server/sdk/loyalty-woocommerce.php",
      secret,
      shop,
      customerId,
      String(issuedAt),
      String(expiresIn),
    ],
    { encoding: "utf8" },
  );

describe.skipIf(!php)("the WooCommerce plugin's PHP token signer", () => {
  it("signs the same bytes as signCustomerToken, and the endpoint accepts its tokens", () => {
    const issuedAt = Math.floor(Date.now() / 1000);
    for (const [customerId, expiresIn] of [
      ["42", 3600],
      ["user/7+b=@shop.example:x_y-z", 600],
      ["1", 86_400],
    ] as const) {
      const secret = "ss_3kK9-secret/with+chars=";
      const token = phpToken(secret, "demo-shop", customerId, issuedAt, expiresIn);
      expect(token).toBe(signCustomerToken({ signingSecret: secret, shop: "demo-shop", customerId, issuedAt, expiresIn }));
      expect(checkCustomerToken(token, "demo-shop", [secret], issuedAt * 1000)).toEqual({ ok: true, customerId });
    }
  });

  it("loads without WordPress (the plugin hooks itself in only where add_action exists)", () => {
    expect(spawnSync("php", ["-l", "server/sdk/loyalty-woocommerce.php"]).status).toBe(0);
  });
});
