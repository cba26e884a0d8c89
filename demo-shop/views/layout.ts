import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Locale } from "../catalog.ts";
import type { Flash } from "../context.ts";
import type { Translate } from "../i18n.ts";
import type { Account } from "../store.ts";

export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageFrame {
  locale: Locale;
  t: Translate;
  account: Account | null;
  cartItems: number;
  path: string;
  flash: Flash | null;
  /** The embed, exactly as the README shows it. */
  widget: { endpoint: string; shop: string; token: string | undefined };
}

/** The loyalty snippet a shop owner pastes; the token attribute is there only for a signed-in shopper. */
export function loyaltySnippet({ endpoint, shop, token }: PageFrame["widget"]) {
  return token
    ? html`<script async src="${endpoint}/loyalty.js" data-shop="${shop}" data-customer-token="${token}"></script>`
    : html`<script async src="${endpoint}/loyalty.js" data-shop="${shop}"></script>`;
}

const logo = raw(
  `<svg class="logo-mark" viewBox="0 0 32 32" aria-hidden="true"><circle cx="16" cy="16" r="15" fill="#1f4d3a"/><path d="M9 20c3-9 11-11 14-9-2 1-5 3-6 9" fill="none" stroke="#f3d9c4" stroke-width="2.5" stroke-linecap="round"/></svg>`,
);

/** Every page: header with navigation, cart and account, the language switch, the footer and the widget. */
export function layout(frame: PageFrame, title: string, main: Markup) {
  const { t, locale, account, path } = frame;
  const current = (href: string) => (path === href || (href !== "/" && path.startsWith(href)) ? raw(' aria-current="page"') : "");
  const switchTo = (target: Locale, label: string) =>
    target === locale
      ? html`<span class="lang-current" aria-current="true">${label}</span>`
      : html`<a href="/idioma/${target}?volver=${encodeURIComponent(path)}" lang="${target}" hreflang="${target}">${label}</a>`;
  return html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · La Tienda de Prueba</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/shop.css">
<script src="/assets/shop.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${locale === "es" ? "Saltar al contenido" : "Skip to content"}</a>
<header class="site-header">
  <div class="wrap header-row">
    <a class="brand" href="/">${logo}<span><strong>La Tienda de Prueba</strong><small>${t("tagline")}</small></span></a>
    <nav class="main-nav" aria-label="${t("shop")}">
      <a href="/"${current("/")}>${t("shop")}</a>
      <a href="/mostrador"${current("/mostrador")}>${t("counter")}</a>
      ${account ? html`<a href="/cuenta/pedidos"${current("/cuenta/pedidos")}>${t("orders")}</a>` : ""}
    </nav>
    <div class="header-tools">
      <div class="lang" role="group" aria-label="${t("language")}">${switchTo("es", "ES")}${switchTo("en", "EN")}</div>
      ${
        account
          ? html`<span class="who" data-account="${account.id}">${t("hello", { name: account.name.split(" ")[0] ?? account.name })}</span>
      <form method="post" action="/cuenta/salir" class="inline"><button type="submit" class="link-button">${t("signOut")}</button></form>`
          : html`<a class="sign-in" href="/cuenta/entrar">${t("signIn")}</a>`
      }
      <a class="cart-link" href="/carrito"${current("/carrito")}>${t("cart")} <span class="cart-count" data-cart-count>${frame.cartItems}</span></a>
    </div>
  </div>
</header>
${frame.flash ? html`<div class="wrap"><p class="flash flash-${frame.flash.kind}" role="status">${frame.flash.text}</p></div>` : ""}
<main id="main" class="wrap">
${main}
</main>
<footer class="site-footer"><div class="wrap"><p>${t("footer")}</p></div></footer>
${loyaltySnippet(frame.widget)}
</body>
</html>`;
}
