import { atom } from "nanostores";
import { emit } from "./events.ts";

export const sections = ["home", "earn", "rewards", "referral", "activity"] as const;
export type Section = (typeof sections)[number];

export const isSection = (value: unknown): value is Section => sections.includes(value as Section);

/** Whether the panel is open and at which section. */
export const $panel = atom<{ open: boolean; section: Section }>({ open: false, section: "home" });

export function openPanel(section: unknown = $panel.get().section) {
  const target = isSection(section) ? section : "home";
  const wasOpen = $panel.get().open;
  $panel.set({ open: true, section: target });
  if (!wasOpen) emit("open", { section: target });
}

export function closePanel() {
  if (!$panel.get().open) return;
  $panel.set({ ...$panel.get(), open: false });
  emit("close");
}

export const togglePanel = () => ($panel.get().open ? closePanel() : openPanel());

/** Opens the panel when the page URL says `#loyalty-<section>`. */
export function followHash() {
  const match = /^#loyalty-(\w+)$/.exec(location.hash);
  if (match && isSection(match[1])) openPanel(match[1]);
}

/** Escape closes the panel (from the dialog or the launcher). */
export const closeOnEscape = (event: KeyboardEvent) => event.key === "Escape" && closePanel();
