import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { type ShopEnv, findAccount, safeReturn, setFlash, signIn, signOut } from "../context.ts";
import { formatEuros, toDecimal } from "../money.ts";
import { render } from "../render.ts";
import { refundable } from "../store.ts";
import { ordersPage, signInPage } from "../views/account.ts";

/** Sign in and out, new accounts, and the shopper's orders with their refund buttons. */
export const accountRoutes = new Hono<ShopEnv>();

accountRoutes.get("/cuenta/entrar", (c) => render(c, c.get("t")("signInTitle"), (frame) => signInPage(frame, safeReturn(c.req.query("next")))));

accountRoutes.post("/cuenta/entrar", async (c) => {
  const form = await c.req.parseBody();
  const account = findAccount(c.get("deps").store, String(form.customer ?? ""));
  if (!account) return c.redirect("/cuenta/entrar", 303);
  await signIn(c, account.id);
  return c.redirect(safeReturn(String(form.next ?? "/")), 303);
});

// The shop creates the customer on the loyalty endpoint from its backend: personal data never goes from the browser.
accountRoutes.post("/cuenta/nueva", async (c) => {
  const form = await c.req.parseBody();
  const name = String(form.name ?? "").trim();
  const email = String(form.email ?? "").trim();
  if (!name || name.length > 80 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 120) {
    setFlash(c, { kind: "error", text: c.get("t")("accountError") });
    return c.redirect("/cuenta/entrar", 303);
  }
  const { loyalty, store } = c.get("deps");
  const id = `cliente-${randomBytes(4).toString("hex")}`;
  const saved = await loyalty.saveCustomer(id, { name, email, marketingConsent: false });
  if (!saved.ok) {
    setFlash(c, { kind: "error", text: saved.error.message });
    return c.redirect("/cuenta/entrar", 303);
  }
  store.addAccount({ id, name, email });
  await signIn(c, id);
  return c.redirect(safeReturn(String(form.next ?? "/")), 303);
});

accountRoutes.post("/cuenta/salir", (c) => {
  signOut(c);
  return c.redirect("/", 303);
});

accountRoutes.get("/cuenta/pedidos", (c) => {
  const account = c.get("account");
  if (!account) return c.redirect("/cuenta/entrar?next=/cuenta/pedidos", 303);
  return render(c, c.get("t")("ordersTitle"), (frame) => ordersPage(frame, c.get("deps").store.ordersOf(account.id)));
});

// Refunds what is left of an order; the refund id is derived from the order so that a double click refunds once.
accountRoutes.post("/cuenta/pedidos/:id/reembolso", async (c) => {
  const { loyalty, store } = c.get("deps");
  const order = store.order(c.req.param("id"));
  const account = c.get("account");
  if (!order || !account || order.customerId !== account.id) return c.notFound();
  const amount = refundable(order);
  const t = c.get("t");
  if (amount > 0) {
    const refund = await loyalty.refund(order.id, { id: `${order.id}-R${order.refunds.length + 1}`, amount: toDecimal(amount) });
    if (refund.ok) {
      if (!order.refunds.some((recorded) => recorded.id === refund.data.refundId))
        store.addRefund(order.id, { id: refund.data.refundId, amount, pointsReversed: refund.data.pointsReversed, at: new Date().toISOString() });
      const euros = formatEuros(amount, c.get("locale"));
      setFlash(c, { kind: "ok", text: t("refundDone", { amount: euros, points: refund.data.pointsReversed, balance: refund.data.balance }) });
    } else setFlash(c, { kind: "error", text: t("refundFailed", { message: refund.error.message }) });
  }
  return c.redirect("/cuenta/pedidos", 303);
});
