import { atom } from "nanostores";

export const pages = [
  "theme",
  "program",
  "customers",
  "feedback",
  "analytics",
  "install",
  "webhooks",
  "imports",
  "team",
  "audit",
  "account",
] as const;
export type Page = (typeof pages)[number];

export interface Route {
  page: Page;
  /** A part of the page, such as the program's section: `#program/rewards`. */
  section: string;
}

const fromHash = (): Route => {
  const [name = "", section = ""] = (typeof location === "undefined" ? "" : location.hash.slice(1)).split("/");
  return (pages as readonly string[]).includes(name) ? { page: name as Page, section } : { page: "theme", section: "" };
};

/** The console page, kept in the URL's hash so that reloads and the back button work. */
export const $route = atom<Route>(fromHash());

export function goTo(page: Page, section = "") {
  $route.set({ page, section });
  const hash = `#${page}${section ? `/${section}` : ""}`;
  if (location.hash !== hash) history.pushState(null, "", hash);
}

/** The token of a one-time link (`/console/#link=TOKEN`): the fragment never reaches a server or a log. */
export function linkToken(): string | null {
  if (typeof location === "undefined") return null;
  const match = /^#link=([\w-]{20,100})$/.exec(location.hash);
  return match?.[1] ?? null;
}

export function forgetLinkToken() {
  history.replaceState(null, "", location.pathname);
  $route.set(fromHash());
}

if (typeof window !== "undefined") addEventListener("popstate", () => $route.set(fromHash()));
