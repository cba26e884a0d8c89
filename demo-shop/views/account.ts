import { html } from "hono/html";
import { productBySlug } from "../catalog.ts";
import { formatEuros } from "../money.ts";
import { demoShoppers } from "../seed.ts";
import { refundable, type ShopOrder } from "../store.ts";
import type { PageFrame } from "./layout.ts";

/** Sign in as one of the seeded shoppers, or create an account. */
export function signInPage(frame: PageFrame, next: string) {
  const { t, locale } = frame;
  return html`<h1>${t("signInTitle")}</h1>
<p>${t("signInIntro")}</p>
<ul class="shopper-cards">
  ${demoShoppers.map(
    (shopper) => html`<li class="shopper-card">
    <span class="avatar" aria-hidden="true">${shopper.name.charAt(0)}</span>
    <span><strong>${shopper.name}</strong><small>${shopper.story[locale]}</small></span>
    <form method="post" action="/cuenta/entrar"><input type="hidden" name="customer" value="${shopper.id}"><input type="hidden" name="next" value="${next}">
      <button type="submit" class="button button-small" data-shopper="${shopper.id}">${t("signInAs", { name: shopper.name.split(" ")[0] ?? shopper.name })}</button></form>
  </li>`,
  )}
</ul>
<section class="new-account">
  <h2>${t("newAccountTitle")}</h2>
  <form method="post" action="/cuenta/nueva" class="stacked-form">
    <input type="hidden" name="next" value="${next}">
    <label>${t("name")} <input name="name" required maxlength="80" autocomplete="name"></label>
    <label>${t("email")} <input name="email" type="email" required maxlength="120" autocomplete="email"></label>
    <button type="submit" class="button">${t("createAccount")}</button>
  </form>
</section>`;
}

/** The signed-in shopper's orders (online and in store), each with its refund button. */
export function ordersPage(frame: PageFrame, orders: ShopOrder[]) {
  const { t, locale } = frame;
  const euros = (cents: number) => formatEuros(cents, locale);
  const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "es-ES", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Madrid" });
  return html`<h1>${t("ordersTitle")}</h1>
${
  orders.length === 0
    ? html`<p class="empty">${t("noOrders")}</p>`
    : html`<ul class="order-list">
  ${orders.map((order) => {
    const left = refundable(order);
    const reversed = order.refunds.reduce((sum, refund) => sum + refund.pointsReversed, 0);
    return html`<li class="order" data-order="${order.id}">
    <div class="order-head"><strong>${order.id}</strong> <span class="badge badge-${order.channel}">${t(order.channel === "online" ? "online" : "store")}</span>
      <time datetime="${order.placedAt}">${date.format(new Date(order.placedAt))}</time></div>
    <p class="order-items">${
      order.lines.length
        ? order.lines.map((line, index) => html`${index ? ", " : ""}${line.quantity} × ${productBySlug(line.slug)?.name[locale] ?? line.slug}`)
        : t("store")
    }</p>
    <div class="order-foot">
      <span class="money">${euros(order.total)}</span>
      ${order.loyalty ? html`<span class="order-points" data-order-points>+${t("points", { points: order.loyalty.pointsEarned })}</span>` : ""}
      ${reversed > 0 ? html`<span class="order-points negative">−${t("points", { points: reversed })}</span>` : ""}
      ${
        left > 0
          ? html`<form method="post" action="/cuenta/pedidos/${encodeURIComponent(order.id)}/reembolso"><button type="submit" class="button button-small button-quiet" data-refund="${order.id}">${t("refund", { amount: euros(left) })}</button></form>`
          : html`<span class="badge">${t("refunded")}</span>`
      }
    </div>
  </li>`;
  })}
</ul>`
}`;
}
