import type { Art } from "./catalog.ts";

/** Shapes drawn on a 200 × 200 canvas; `C` is the product's colour, `D` its detail colour. */
const shapes: Record<Art["shape"], string> = {
  mug: `<rect x="48" y="62" width="88" height="96" rx="12" fill="C"/><path d="M136 84h14a20 20 0 0 1 0 40h-14" fill="none" stroke="C" stroke-width="12"/>
<rect x="48" y="62" width="88" height="14" rx="6" fill="D"/><path d="M70 40c0-10 10-10 10-20M92 40c0-10 10-10 10-20" stroke="D" stroke-width="5" fill="none" stroke-linecap="round"/>`,
  bag: `<path d="M58 52h84l10 110H48z" fill="C"/><path d="M58 52l10-14h64l10 14" fill="C" opacity=".8"/><rect x="70" y="88" width="60" height="44" rx="4" fill="D"/>
<circle cx="100" cy="110" r="12" fill="C"/>`,
  candle: `<rect x="56" y="78" width="88" height="84" rx="10" fill="C"/><rect x="56" y="108" width="88" height="26" fill="D"/>
<path d="M100 78v-16" stroke="#4a3b2a" stroke-width="3"/><path d="M100 36c10 12 8 24 0 26c-8-2-10-14 0-26z" fill="#f2a541"/>`,
  notebook: `<rect x="54" y="40" width="96" height="124" rx="6" fill="C"/><rect x="54" y="40" width="14" height="124" fill="D" opacity=".5"/>
<rect x="84" y="68" width="48" height="22" rx="3" fill="D"/><path d="M140 40v54l-8-6-8 6V40" fill="#c94f4f"/>`,
  plant: `<path d="M66 120h68l-8 44H74z" fill="C"/><rect x="60" y="112" width="80" height="12" rx="4" fill="C"/>
<path d="M100 112V58" stroke="#6b5536" stroke-width="5"/><g fill="D"><ellipse cx="82" cy="72" rx="18" ry="7" transform="rotate(-25 82 72)"/>
<ellipse cx="118" cy="64" rx="18" ry="7" transform="rotate(25 118 64)"/><ellipse cx="86" cy="94" rx="16" ry="6" transform="rotate(-30 86 94)"/>
<ellipse cx="116" cy="88" rx="16" ry="6" transform="rotate(30 116 88)"/><ellipse cx="100" cy="50" rx="7" ry="15"/></g>`,
  teapot: `<ellipse cx="100" cy="116" rx="52" ry="44" fill="C"/><path d="M52 108c-22-6-26 26-6 30" fill="none" stroke="C" stroke-width="10"/>
<path d="M148 104l28-18-6 14-20 20" fill="C"/><rect x="82" y="64" width="36" height="12" rx="5" fill="D"/><circle cx="100" cy="60" r="7" fill="D"/>
<path d="M56 116h88" stroke="D" stroke-width="3" stroke-dasharray="6 6"/>`,
  scarf: `<path d="M40 50h120v100H40z" fill="C" transform="rotate(-8 100 100)"/><g fill="D" transform="rotate(-8 100 100)">
<circle cx="70" cy="80" r="12"/><circle cx="130" cy="80" r="12"/><circle cx="70" cy="120" r="12"/><circle cx="130" cy="120" r="12"/><rect x="92" y="92" width="16" height="16" transform="rotate(45 100 100)"/></g>`,
  bottle: `<rect x="88" y="30" width="24" height="16" rx="3" fill="#2f3a40"/><path d="M90 46h20v22c18 8 22 20 22 34v52a8 8 0 0 1-8 8H76a8 8 0 0 1-8-8v-52c0-14 4-26 22-34z" fill="C"/>
<rect x="74" y="106" width="52" height="40" rx="4" fill="D"/><path d="M86 126h28" stroke="C" stroke-width="4"/>`,
};

/** A product's picture as inline SVG markup (trusted: built only from the catalogue's constants). */
export function productArt(art: Art, label: string): string {
  const body = shapes[art.shape].replaceAll('"C"', `"${art.colour}"`).replaceAll('"D"', `"${art.detail}"`);
  const title = label.replace(/[<>&"]/g, "");
  return `<svg class="art" viewBox="0 0 200 200" role="img" aria-label="${title}"><rect width="200" height="200" fill="#f6f1ea"/>${body}</svg>`;
}
