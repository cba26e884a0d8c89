import { html } from "hono/html";
import type { OrderResult } from "../../contract/index.ts";
import { FREE_SHIPPING_FROM, type Offer, type PricedCart } from "../cart.ts";
import type { Translate } from "../i18n.ts";
import { formatEuros, parseCents } from "../money.ts";
import type { Account, ShopOrder } from "../store.ts";
import type { PageFrame } from "./layout.ts";

/** A checked code: what it gives if usable, or why not. */
export interface CodeCheck {
  code: string;
  state: "usable" | "used" | "expired" | "not_for_this_customer" | "unknown" | "unavailable";
  offer: Offer | null;
}

export function describeOffer(offer: Offer, t: Translate, locale: string) {
  switch (offer.kind) {
    case "amount_off":
      return t("offerAmount", { amount: formatEuros(parseCents(offer.amount) ?? 0, locale) });
    case "percent_off":
      return t("offerPercent", { percent: offer.percent });
    case "free_shipping":
      return t("offerShipping");
    case "free_product":
      return t("offerProduct", { product: offer.product });
  }
}

function codeMessage(frame: PageFrame, check: CodeCheck, cart: PricedCart) {
  const { t, locale } = frame;
  const code = check.code;
  if (check.state === "usable" && check.offer && cart.codeProblem === "minimum_not_reached")
    return { ok: false, text: t("codeMinimum", { code, amount: formatEuros(parseCents(check.offer.minimumSubtotal ?? "0") ?? 0, locale) }) };
  if (check.state === "usable" && check.offer) return { ok: true, text: t("codeApplied", { code, offer: describeOffer(check.offer, t, locale) }) };
  const key = (
    {
      usable: "codeUnknown",
      used: "codeUsed",
      expired: "codeExpired",
      not_for_this_customer: "codeNotYours",
      unknown: "codeUnknown",
      unavailable: "codeUnavailable",
    } as const
  )[check.state];
  return { ok: false, text: t(key, { code }) };
}

/** The order's money, line by line (used by the cart and the checkout). */
export function totals(frame: PageFrame, cart: PricedCart) {
  const { t, locale } = frame;
  const euros = (cents: number) => formatEuros(cents, locale);
  return html`<dl class="totals">
  <div><dt>${t("goods")}</dt><dd data-total="goods">${euros(cart.goods)}</dd></div>
  ${cart.discount > 0 ? html`<div class="discount"><dt>${t("discount")}</dt><dd data-total="discount">−${euros(cart.discount)}</dd></div>` : ""}
  ${cart.gift ? html`<div class="discount"><dt>${t("gift")}</dt><dd data-total="gift">${cart.gift}</dd></div>` : ""}
  <div><dt>${t("shipping")}</dt><dd data-total="shipping">${cart.shipping === 0 ? t("shippingFree") : euros(cart.shipping)}</dd></div>
  <div class="grand-total"><dt>${t("total")}</dt><dd data-total="total">${euros(cart.total)}</dd></div>
</dl>`;
}

/** The cart: lines with quantities, the code form, totals and the way to checkout. */
export function cartPage(frame: PageFrame, cart: PricedCart, check: CodeCheck | null) {
  const { t, locale } = frame;
  if (cart.lines.length === 0)
    return html`<h1>${t("cartTitle")}</h1><p class="empty">${t("cartEmpty")}</p><a class="button" href="/">${t("back")}</a>`;
  const message = check ? codeMessage(frame, check, cart) : null;
  return html`<h1>${t("cartTitle")}</h1>
<div class="cart-layout">
  <table class="cart-lines">
    <tbody>
      ${cart.lines.map(
        (line) => html`<tr data-line="${line.product.slug}">
        <th scope="row"><a href="/producto/${line.product.slug}">${line.product.name[locale]}</a><small>${formatEuros(line.product.price, locale)}</small></th>
        <td><form method="post" action="/carrito/cantidad" class="quantity-form"><input type="hidden" name="slug" value="${line.product.slug}">
          <label class="visually-hidden" for="q-${line.product.slug}">${t("quantity")}</label>
          <input id="q-${line.product.slug}" type="number" name="quantity" value="${line.quantity}" min="0" max="20" inputmode="numeric">
          <button type="submit" class="link-button">${t("update")}</button></form></td>
        <td class="money">${formatEuros(line.total, locale)}</td>
        <td><form method="post" action="/carrito/cantidad"><input type="hidden" name="slug" value="${line.product.slug}"><input type="hidden" name="quantity" value="0">
          <button type="submit" class="link-button">${t("remove")}</button></form></td>
      </tr>`,
      )}
    </tbody>
  </table>
  <aside class="summary">
    <form method="post" action="/carrito/codigo" class="code-form" data-code-form>
      <label for="code">${t("code")}</label>
      <div class="input-row"><input id="code" name="code" autocomplete="off" spellcheck="false" value="${check?.code ?? ""}">
      <button type="submit" class="button button-small">${t("apply")}</button></div>
    </form>
    ${frame.account ? html`<p class="note"><button type="button" class="link-button" data-loyalty-open="rewards">${t("usePoints")}</button></p>` : ""}
    ${
      message
        ? html`<p class="code-status ${message.ok ? "code-ok" : "code-problem"}" data-code-status="${message.ok ? "applied" : "problem"}">${message.text}</p>
    <form method="post" action="/carrito/codigo"><input type="hidden" name="code" value=""><button type="submit" class="link-button">${t("removeCode")}</button></form>`
        : ""
    }
    ${totals(frame, cart)}
    <p class="note">${t("shippingNote", { amount: formatEuros(FREE_SHIPPING_FROM, locale) })}</p>
    <a class="button button-wide" href="/pagar">${t("checkout")}</a>
  </aside>
</div>`;
}

/** The checkout: where it goes, how it is paid, and the button that places the order. */
export function checkoutPage(frame: PageFrame, cart: PricedCart, account: Account, check: CodeCheck | null) {
  const { t, locale } = frame;
  const message = check ? codeMessage(frame, check, cart) : null;
  return html`<h1>${t("checkoutTitle")}</h1>
<div class="cart-layout">
  <section class="checkout-details">
    <h2>${t("deliverTo")}</h2>
    <p>${account.name}<br>Calle de la Prueba 12, 3.º B<br>28004 Madrid</p>
    <h2>${t("payWith")}</h2>
    <p>${t("testCard")}</p>
    <ul class="checkout-lines">${cart.lines.map((line) => html`<li>${line.quantity} × ${line.product.name[locale]} <span>${formatEuros(line.total, locale)}</span></li>`)}</ul>
  </section>
  <aside class="summary">
    ${message ? html`<p class="code-status ${message.ok ? "code-ok" : "code-problem"}">${message.text}</p>` : ""}
    ${totals(frame, cart)}
    <form method="post" action="/pagar"><button type="submit" class="button button-wide">${t("placeOrder", { amount: formatEuros(cart.total, locale) })}</button></form>
  </aside>
</div>`;
}

export function statusText(t: Translate, status: OrderResult["discountCodes"][number]["status"]) {
  return t(
    (
      {
        applied: "statusApplied",
        unknown: "statusUnknown",
        already_used: "statusUsed",
        expired: "statusExpired",
        not_for_this_customer: "statusOther",
      } as const
    )[status],
  );
}

/** After checkout: the order number and what the loyalty program made of it. */
export function thanksPage(frame: PageFrame, order: ShopOrder) {
  const { t } = frame;
  const result = order.loyalty;
  return html`<section class="thanks">
  <h1>${t("thanksTitle")}</h1>
  <p class="order-number">${t("orderNumber", { id: order.id })}</p>
  ${
    result
      ? html`<p class="points-earned" data-points-earned="${result.pointsEarned}">${t("pointsEarned", { points: result.pointsEarned, balance: result.balance })}</p>
  ${result.discountCodes.map((code) => html`<p data-code-result="${code.status}">${t("codeUsedOnOrder", { code: code.code, status: statusText(t, code.status) })}</p>`)}
  ${
    result.referral?.status === "credited"
      ? html`<p data-referral="credited">${t("referralCredited", { points: result.referral.referrerPoints ?? 0 })}</p>`
      : result.referral
        ? html`<p data-referral="blocked">${t("referralBlocked", { reason: result.referral.reason ?? "" })}</p>`
        : ""
  }`
      : html`<p class="flash flash-error">${t("loyaltyDown")}</p>`
  }
  ${totals(frame, { ...order, lines: [], items: 0, gift: null, codeProblem: null })}
  <p><a class="button" href="/cuenta/pedidos">${t("orders")}</a> <a class="button button-quiet" href="/">${t("back")}</a></p>
</section>`;
}
