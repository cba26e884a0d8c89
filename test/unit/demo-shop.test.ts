import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { createShopApp } from "../../demo-shop/app.ts";
import { addToCart, FREE_SHIPPING_FROM, parseCart, priceCart, SHIPPING_FEE, setQuantity } from "../../demo-shop/cart.ts";
import { loyaltyClient } from "../../demo-shop/loyalty-client.ts";
import { formatEuros, parseCents, toDecimal } from "../../demo-shop/money.ts";
import { ShopStore } from "../../demo-shop/store.ts";

describe("demo shop money", () => {
  test("amounts are whole cents, read from what a shopper types and written as the endpoint's decimal strings", () => {
    expect(parseCents("24,90")).toBe(2490);
    expect(parseCents("24.9")).toBe(2490);
    expect(parseCents("5")).toBe(500);
    expect(parseCents("0.07")).toBe(7);
    expect(parseCents("1.999")).toBeNull();
    expect(parseCents("-3")).toBeNull();
    expect(parseCents("abc")).toBeNull();
    expect(toDecimal(2490)).toBe("24.90");
    expect(toDecimal(7)).toBe("0.07");
    expect(toDecimal(100000)).toBe("1000.00");
    expect(formatEuros(1890, "es").replace(/\s/g, " ")).toBe("18,90 €");
    expect(formatEuros(1890, "en")).toBe("€18.90");
  });
});

describe("demo shop cart", () => {
  const cart = addToCart(addToCart({ lines: [] }, "taza-terracota", 2), "cafe-huila", 1);

  test("prices lines in cents and charges shipping below the free-shipping threshold", () => {
    const priced = priceCart(cart, null);
    expect(priced.goods).toBe(2 * 1890 + 1250);
    expect(priced.items).toBe(3);
    expect(priced.shipping).toBe(SHIPPING_FEE);
    expect(priced.total).toBe(priced.goods + SHIPPING_FEE);
    const big = priceCart(addToCart(cart, "tetera-hierro", 1), null);
    expect(big.goods).toBeGreaterThanOrEqual(FREE_SHIPPING_FROM);
    expect(big.shipping).toBe(0);
  });

  test("adding the same product adds up; quantity 0 removes it; unknown products and quantities past the cap are refused", () => {
    expect(addToCart(cart, "taza-terracota", 1).lines).toContainEqual({ slug: "taza-terracota", quantity: 3 });
    expect(setQuantity(cart, "taza-terracota", 0).lines.map((line) => line.slug)).toEqual(["cafe-huila"]);
    expect(addToCart(cart, "no-such-thing", 1)).toBe(cart);
    expect(setQuantity(cart, "cafe-huila", 500).lines).toContainEqual({ slug: "cafe-huila", quantity: 20 });
  });

  test("an amount-off code is taken from the goods, never below zero, and reported subtotal excludes shipping", () => {
    const priced = priceCart(cart, { kind: "amount_off", amount: "5", validityDays: 30 });
    expect(priced.discount).toBe(500);
    expect(priced.subtotal).toBe(5030 - 500);
    expect(priced.total).toBe(priced.subtotal + SHIPPING_FEE);
    const small = priceCart({ lines: [{ slug: "cafe-huila", quantity: 1 }] }, { kind: "amount_off", amount: "50", validityDays: 30 });
    expect(small.subtotal).toBe(0);
  });

  test("a percentage is rounded to the cent", () => {
    // 10 % of 50.30 is 5.03; of 12.45 it is 1.245, rounded half up to 1.25.
    expect(priceCart(cart, { kind: "percent_off", percent: 10, validityDays: 30 }).discount).toBe(503);
    const odd = { lines: [{ slug: "aceite-arbequina", quantity: 1 }] };
    expect(priceCart(odd, { kind: "percent_off", percent: 10, validityDays: 30 }).discount).toBe(148);
  });

  test("free shipping waives the fee; a free product is listed as a gift; an offer below its minimum gives nothing", () => {
    expect(priceCart(cart, { kind: "free_shipping", validityDays: 30 }).shipping).toBe(0);
    const gift = priceCart(cart, {
      id: "gift",
      kind: "free_product",
      product: "Bolsa de tela",
      cost: 100,
      title: { es: "Bolsa" },
      codeValidityDays: 30,
    });
    expect(gift).toMatchObject({ gift: "Bolsa de tela", discount: 0 });
    const below = priceCart(
      { lines: [{ slug: "cafe-huila", quantity: 1 }] },
      { kind: "amount_off", amount: "5", minimumSubtotal: "30", validityDays: 30 },
    );
    expect(below).toMatchObject({ discount: 0, codeProblem: "minimum_not_reached" });
  });

  test("a tampered or malformed cart cookie reads as what is valid in it", () => {
    expect(parseCart("not json")).toEqual({ lines: [] });
    expect(parseCart(false)).toEqual({ lines: [] });
    expect(parseCart(JSON.stringify({ lines: [{ slug: "taza-terracota", quantity: 2.7 }, { slug: "x", quantity: 1 }, null], code: 5 }))).toEqual({
      lines: [{ slug: "taza-terracota", quantity: 2 }],
    });
  });
});

describe("demo shop pages", () => {
  const endpoint = "http://127.0.0.1:9";
  const keys = { secretKey: "sk_never_in_a_page", signingSecret: "ss_never_in_a_page" };
  const app = createShopApp(
    {
      loyalty: loyaltyClient({ endpoint, secretKey: keys.secretKey }),
      store: new ShopStore(null),
      shopId: "demo",
      signingSecret: keys.signingSecret,
      endpointUrl: endpoint,
      sessionSecret: "test-session-secret",
    },
    { assetsDir: resolve("demo-shop/public") },
  );

  test("a guest's page embeds exactly the README snippet, without a token, under a strict CSP", async () => {
    const response = await app.request("/");
    const page = await response.text();
    expect(page).toContain(`<script async src="${endpoint}/loyalty.js" data-shop="demo"></script>`);
    expect(page).toContain('<html lang="es">');
    expect(response.headers.get("content-security-policy")).toContain(`script-src 'self' ${endpoint}`);
    expect(page).not.toMatch(/style=|onclick=|<script>/);
  });

  test("a signed-in shopper's page carries a customer token for her, and never a secret", async () => {
    const signIn = await app.request("/cuenta/entrar", {
      method: "POST",
      headers: { origin: "http://localhost", "content-type": "application/x-www-form-urlencoded" },
      body: "customer=carmen&next=/",
    });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
    const page = await (await app.request("/", { headers: { cookie: `${cookie}; shop_lang=en` } })).text();
    const token = /data-customer-token="([^"]+)"/.exec(page)?.[1] ?? "";
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString());
    expect(claims).toMatchObject({ sub: "carmen", shop: "demo" });
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(86_400);
    expect(page).toContain('<html lang="en">');
    expect(page).not.toContain(keys.secretKey);
    expect(page).not.toContain(keys.signingSecret);
  });

  test("a cross-site form post is refused, and a ?ref= code is kept in a cookie until checkout", async () => {
    const forged = await app.request("/cuenta/entrar", {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "customer=carmen",
    });
    expect(forged.status).toBe(403);
    const landing = await app.request("/?ref=MATEO-1234");
    expect(landing.headers.get("set-cookie")).toContain("shop_ref=MATEO-1234");
  });
});
