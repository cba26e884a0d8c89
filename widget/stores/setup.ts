import { atom } from "nanostores";

/** What the script tag and the page API said: endpoint, shop, token, the tag's data attributes. */
export interface Setup {
  api: string;
  shop: string;
  token?: string;
  /** The script tag's data attributes (live: a changed data-locale counts at the next load). */
  data: DOMStringMap;
}

export const $setup = atom<Setup>({ api: "", shop: "", data: {} });
