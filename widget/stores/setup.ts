import { atom } from "nanostores";
import type { Endpoint } from "../api.ts";

/** What the script tag and the page API said: endpoint, shop, token, locale hints, theme overrides. */
export interface Setup extends Endpoint {
  /** The script tag's data attributes (live: a changed data-locale counts at the next load). */
  data: DOMStringMap;
  theme: Record<string, string>;
  /** The page's origin, for referral links. */
  origin: string;
}

export const $setup = atom<Setup>({ api: "", shop: "", data: {}, theme: {}, origin: "" });
