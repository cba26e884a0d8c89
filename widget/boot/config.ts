/** What the script tag and the page API say: the endpoint, the shop, the customer token, the tag's data attributes. */
export interface Setup {
  /** The endpoint's origin (data-api, else the script's own origin). */
  api: string;
  shop: string;
  token?: string;
  /** The script's own URL: the panel's file is beside it. */
  src: string;
  /** The tag's data attributes, live: a changed data-locale or data-theme-* counts at the next load. */
  data: DOMStringMap;
}

/** Reads the script tag once; null without data-shop. */
export function readSetup(script: HTMLOrSVGScriptElement | null): Setup | null {
  const data: DOMStringMap = script?.dataset ?? {};
  if (!data.shop) return null;
  const src = (script instanceof HTMLScriptElement && script.src) || location.href;
  return { api: (data.api ?? new URL(src).origin).replace(/\/$/, ""), shop: data.shop, token: data.customerToken || undefined, src, data };
}

/** The languages to ask for, first choice first: data-locale, <html lang>, the browser's; the endpoint answers the first it speaks. */
export const wantedLocales = (setup: Setup) => [setup.data.locale, document.documentElement.lang, navigator.language].filter((tag) => tag).join();
