import { createServer } from "node:http";
import { crc32, deflateSync } from "node:zlib";

/** A PNG (RGB, 8 bits) drawn from a function of the pixel: made here, so that the page needs no network. */
export function png(width: number, height: number, colour: (x: number, y: number) => [number, number, number]): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) rows.set(colour(x, y), row + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(rows, { level: 6 })), chunk("IEND", Buffer.alloc(0))]);
}

/** A product photo stand-in: a soft gradient with a round "product" and a little grain, so it compresses like a photo would not quite. */
function productImage(size: number, hue: number): Buffer {
  const base = [(hue * 53) % 200, (hue * 97) % 200, (hue * 151) % 200];
  return png(size, size, (x, y) => {
    const dx = x - size / 2;
    const dy = y - size / 2;
    const inside = dx * dx + dy * dy < (size / 3) ** 2;
    const grain = ((x * 7 + y * 13 + x * y) % 11) - 5;
    return base.map((channel) => Math.max(0, Math.min(255, (inside ? channel + 40 : 230 - (y * 40) / size) + grain))) as [number, number, number];
  });
}

function heroImage(width: number, height: number): Buffer {
  return png(width, height, (x, y) => {
    const grain = ((x * 3 + y * 5 + ((x * y) >> 3)) % 9) - 4;
    return [40 + (x * 120) / width + grain, 70 + (y * 100) / height + grain, 140 + grain] as [number, number, number];
  });
}

const css = `
*,::before,::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1rem;line-height:1.5;color:#212529;background:#fff}
h1,h2,h3,h5{margin:0 0 .5rem;font-weight:500;line-height:1.2}
h1{font-size:calc(1.375rem + 1.5vw)}
p{margin:0 0 1rem}
a{color:#0d6efd;text-decoration:underline}
img{vertical-align:middle;max-width:100%;height:auto}
.container{width:100%;padding:0 .75rem;margin:0 auto}
@media (min-width:576px){.container{max-width:540px}}
@media (min-width:768px){.container{max-width:720px}}
@media (min-width:992px){.container{max-width:960px}}
@media (min-width:1200px){.container{max-width:1140px}}
.row{display:flex;flex-wrap:wrap;margin:0 -.75rem}
.row>*{flex-shrink:0;width:100%;max-width:100%;padding:0 .75rem}
@media (min-width:576px){.col-sm-6{flex:0 0 auto;width:50%}}
@media (min-width:992px){.col-lg-3{flex:0 0 auto;width:25%}}
.navbar{position:relative;display:flex;align-items:center;padding:.5rem 0;background:#212529}
.navbar .container{display:flex;align-items:center;justify-content:space-between}
.navbar-brand{color:#fff;font-size:1.25rem;text-decoration:none;padding:.3rem 0}
.nav{display:flex;list-style:none;margin:0;padding:0;gap:1rem}
.nav a{color:rgba(255,255,255,.75);text-decoration:none}
.hero{position:relative;background:#1d3557;color:#fff}
.hero img{display:block;width:100%;height:auto}
.hero .caption{position:absolute;left:0;right:0;bottom:2rem}
.lead{font-size:1.25rem;font-weight:300}
.btn{display:inline-block;padding:.375rem .75rem;font-size:1rem;border:1px solid transparent;border-radius:.375rem;text-decoration:none;cursor:pointer}
.btn-primary{color:#fff;background:#0d6efd;border-color:#0d6efd}
.btn-outline{color:#0d6efd;border-color:#0d6efd;background:transparent}
.card{display:flex;flex-direction:column;margin-bottom:1.5rem;border:1px solid rgba(0,0,0,.175);border-radius:.375rem;overflow:hidden}
.card-body{padding:1rem}
.card-title{font-size:1.1rem}
.price{font-weight:600;margin-bottom:.5rem}
.section{padding:3rem 0}
.footer{padding:2rem 0;background:#f8f9fa;color:#6c757d;font-size:.875rem}
`;

const script = `
document.querySelectorAll("[data-add]").forEach(function (button) {
  button.addEventListener("click", function () {
    var count = document.getElementById("cart-count");
    count.textContent = String(Number(count.textContent) + 1);
  });
});
`;

const products = Array.from({ length: 12 }, (_, i) => ({
  id: i,
  name: ["Camiseta", "Taza", "Mochila", "Gorra", "Sudadera", "Botella"][i % 6] ?? "Producto",
  price: `${19 + ((i * 7) % 40)},95 €`,
}));

/** A Bootstrap-like shop page (navbar, hero image, product grid, footer); `snippet` is the widget's script tag, if any. */
export function shopPageHtml(snippet: string): string {
  const cards = products
    .map(
      (product) => `<div class="col-sm-6 col-lg-3"><div class="card">
<img src="/img/product-${product.id}.png" width="400" height="400" alt="${product.name}"${product.id >= 4 ? ' loading="lazy"' : ""}>
<div class="card-body"><h3 class="card-title">${product.name} ${product.id + 1}</h3><p class="price">${product.price}</p>
<button class="btn btn-outline" type="button" data-add>Añadir al carrito</button></div></div></div>`,
    )
    .join("\n");
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Tienda de ejemplo</title><link rel="stylesheet" href="/styles.css">${snippet}</head>
<body><nav class="navbar"><div class="container"><a class="navbar-brand" href="/">Tienda</a>
<ul class="nav"><li><a href="#novedades">Novedades</a></li><li><a href="#ofertas">Ofertas</a></li><li><a href="#">Carrito (<span id="cart-count">0</span>)</a></li></ul></div></nav>
<header class="hero"><img src="/img/hero.png" width="1400" height="560" alt="Colección de temporada" fetchpriority="high">
<div class="caption"><div class="container"><h1>Colección de temporada</h1><p class="lead">Envío gratis desde 30 €. Devoluciones en 30 días.</p>
<a class="btn btn-primary" href="#novedades">Ver novedades</a></div></div></header>
<main class="section" id="novedades"><div class="container"><h2>Novedades</h2><div class="row">
${cards}
</div></div></main>
<footer class="footer"><div class="container"><p>Tienda de ejemplo · Condiciones · Privacidad</p></div></footer>
<script src="/shop.js" defer></script></body></html>`;
}

export interface ShopSite {
  origin: string;
  /** Serves `html` at `path`. */
  page(path: string, html: string): void;
  stop(): Promise<void>;
}

/** Serves the shop's assets and pages on 127.0.0.1; nothing is cached, so each fresh browser context loads everything. */
export async function startShopSite(port: number): Promise<ShopSite> {
  const assets = new Map<string, { type: string; body: Buffer }>([
    ["/styles.css", { type: "text/css", body: Buffer.from(css) }],
    ["/shop.js", { type: "text/javascript", body: Buffer.from(script) }],
    ["/img/hero.png", { type: "image/png", body: heroImage(1400, 560) }],
    ...products.map((product): [string, { type: string; body: Buffer }] => [
      `/img/product-${product.id}.png`,
      { type: "image/png", body: productImage(400, product.id + 1) },
    ]),
  ]);
  const server = createServer((request, response) => {
    const asset = assets.get(new URL(request.url ?? "/", "http://shop").pathname);
    if (!asset) return response.writeHead(404).end();
    response.writeHead(200, { "content-type": asset.type, "cache-control": "no-store", "content-length": asset.body.length });
    response.end(asset.body);
  });
  await new Promise<void>((ready) => server.listen(port, "127.0.0.1", ready));
  return {
    origin: `http://127.0.0.1:${port}`,
    page: (path, html) => assets.set(path, { type: "text/html; charset=utf-8", body: Buffer.from(html) }),
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
