import { html, raw } from "hono/html";
import { productArt } from "../art.ts";
import { type Product, products } from "../catalog.ts";
import { formatEuros } from "../money.ts";
import type { PageFrame } from "./layout.ts";

const art = (product: Product, frame: PageFrame) => raw(productArt(product.art, frame.t("productArt", { name: product.name[frame.locale] })));

const heroProducts = products.filter((product) => ["olivo-maceta", "taza-terracota", "vela-higuera"].includes(product.slug));

/** The home page: a banner and the product grid. */
export function homePage(frame: PageFrame) {
  const { t, locale } = frame;
  return html`<section class="hero">
  <div>
    <h1>${t("heroTitle")}</h1>
    <p>${t("heroText")}</p>
    <a class="button" href="#productos">${t("heroCta")}</a>
  </div>
  <div class="hero-art" aria-hidden="true">${heroProducts.map((product) => art(product, frame))}</div>
</section>
<h2 id="productos">${t("productsTitle")}</h2>
<ul class="product-grid">
  ${products.map(
    (product) => html`<li class="product-card">
    <a href="/producto/${product.slug}">
      ${art(product, frame)}
      <span class="category">${product.category[locale]}</span>
      <span class="product-name">${product.name[locale]}</span>
      <span class="price">${formatEuros(product.price, locale)}</span>
    </a>
    <form method="post" action="/carrito/anadir">
      <input type="hidden" name="slug" value="${product.slug}">
      <button type="submit" class="button button-small">${t("addToCart")}</button>
    </form>
  </li>`,
  )}
</ul>`;
}

/** One product: picture, description, price and the add-to-cart form. */
export function productPage(frame: PageFrame, product: Product) {
  const { t, locale } = frame;
  return html`<p class="breadcrumb"><a href="/">← ${t("back")}</a></p>
<article class="product-page">
  <div class="product-picture">${art(product, frame)}</div>
  <div class="product-info">
    <span class="category">${product.category[locale]}</span>
    <h1>${product.name[locale]}</h1>
    <p class="price price-large">${formatEuros(product.price, locale)}</p>
    <p>${product.description[locale]}</p>
    <form method="post" action="/carrito/anadir" class="add-form">
      <input type="hidden" name="slug" value="${product.slug}">
      <label>${t("quantity")} <input type="number" name="quantity" value="1" min="1" max="20" inputmode="numeric"></label>
      <button type="submit" class="button">${t("addToCart")}</button>
    </form>
  </div>
</article>`;
}
