import { Hono } from "hono";
import { type ShopEnv, allAccounts, findAccount, setFlash } from "../context.ts";
import { formatEuros, parseCents, toDecimal } from "../money.ts";
import { render } from "../render.ts";
import { counterPage } from "../views/counter.ts";
import { orderNumber } from "./checkout.ts";

/** The physical store's till: records an in-store purchase (channel "store") on the shopper's one balance. */
export const counterRoutes = new Hono<ShopEnv>();

counterRoutes.get("/mostrador", async (c) => {
  const { store, loyalty } = c.get("deps");
  const selected = findAccount(store, c.req.query("cliente") ?? c.get("account")?.id ?? "");
  const details = selected ? await loyalty.customer(selected.id) : null;
  const balance = selected && details?.ok ? { name: selected.name, balance: details.data.balance } : null;
  return render(c, c.get("t")("counterTitle"), (frame) => counterPage(frame, allAccounts(store), selected?.id, balance));
});

counterRoutes.post("/mostrador", async (c) => {
  const form = await c.req.parseBody();
  const { store, loyalty } = c.get("deps");
  const t = c.get("t");
  const account = findAccount(store, String(form.customer ?? ""));
  const amount = parseCents(String(form.amount ?? ""));
  if (!account || amount === null || amount === 0) {
    setFlash(c, { kind: "error", text: t("amountInvalid") });
    return c.redirect("/mostrador", 303);
  }
  const placedAt = new Date();
  const id = orderNumber("T", placedAt);
  const reported = await loyalty.reportOrder({
    id,
    customerId: account.id,
    subtotal: toDecimal(amount),
    currency: "EUR",
    channel: "store",
    discountCodes: [],
    placedAt: placedAt.toISOString(),
  });
  if (!reported.ok) {
    setFlash(c, { kind: "error", text: t("counterError", { message: reported.error.message }) });
    return c.redirect(`/mostrador?cliente=${encodeURIComponent(account.id)}`, 303);
  }
  store.addOrder({
    id,
    customerId: account.id,
    channel: "store",
    placedAt: placedAt.toISOString(),
    lines: [],
    goods: amount,
    discount: 0,
    subtotal: amount,
    shipping: 0,
    total: amount,
    code: null,
    referralCode: null,
    loyalty: reported.data,
    refunds: [],
  });
  const { pointsEarned, balance } = reported.data;
  setFlash(c, {
    kind: "ok",
    text: t("counterDone", { id, amount: formatEuros(amount, c.get("locale")), name: account.name, points: pointsEarned, balance }),
  });
  return c.redirect(`/mostrador?cliente=${encodeURIComponent(account.id)}`, 303);
});
