import { atom } from "nanostores";

export const pages = ["theme", "program", "customers", "install", "analytics", "webhooks", "imports"] as const;
export type Page = (typeof pages)[number];

const fromHash = (): Page => {
  const name = typeof location === "undefined" ? "" : location.hash.slice(1);
  return (pages as readonly string[]).includes(name) ? (name as Page) : "theme";
};

/** The console page, kept in the URL's hash so that reloads and the back button work. */
export const $page = atom<Page>(fromHash());

export function goTo(page: Page) {
  $page.set(page);
  if (location.hash !== `#${page}`) history.pushState(null, "", `#${page}`);
}

if (typeof window !== "undefined") addEventListener("popstate", () => $page.set(fromHash()));
