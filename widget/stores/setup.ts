import { atom } from "nanostores";
import type { Endpoint } from "../api.ts";

/** What the script tag and the page API said: endpoint, shop, token, locale hints, theme overrides. */
export interface Setup extends Endpoint {
  /** Locale candidates in order: data-locale, <html lang>, navigator.language. */
  locales: (string | null | undefined)[];
  theme: Record<string, string>;
  /** The page's origin, for referral links. */
  origin: string;
}

export const $setup = atom<Setup>({ api: "", shop: "", locales: [], theme: {}, origin: "" });
