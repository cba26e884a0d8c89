import { atom, computed } from "nanostores";
import { Theme } from "../../contract/index.ts";
// a pure function shared with the endpoint: the editor warns with the same numbers the server returns
import { contrastRatio } from "../../server/domain/contrast.ts";
import { api } from "../api.ts";
import type { TextKey } from "../i18n/index.ts";
import { issuesByPath } from "./issues.ts";

/** What the editor edits: any shape while typing; validated by the contract's Theme before saving. */
export type ThemeDraft = Record<string, unknown>;

export const $savedTheme = atom<Theme | null>(null);
export const $themeDraft = atom<ThemeDraft | null>(null);
export const $themeStatus = atom<{ kind: "idle" | "saving" | "saved" | "invalid" | "error"; message?: string }>({ kind: "idle" });

export const $themeErrors = computed($themeDraft, (draft) => {
  if (!draft) return {};
  const parsed = Theme.safeParse(draft);
  return parsed.success ? {} : issuesByPath(parsed.error.issues);
});

/** Pairs below WCAG AA (4.5:1), computed live from the draft. */
export const $contrastWarnings = computed($themeDraft, (draft) => {
  const parsed = Theme.safeParse(draft);
  if (!parsed.success) return [];
  const pairs: [TextKey, string, string][] = [
    ["accentPair", parsed.data.accentText, parsed.data.accent],
    ["textPair", parsed.data.text, parsed.data.background],
  ];
  return pairs.map(([what, foreground, background]) => ({ what, ratio: contrastRatio(foreground, background) })).filter(({ ratio }) => ratio < 4.5);
});

/** The draft as base64url JSON for the preview page's URL, or null while it does not validate. */
export const $previewDraft = computed($themeDraft, (draft) => {
  const parsed = Theme.safeParse(draft);
  if (!parsed.success) return null;
  const bytes = new TextEncoder().encode(JSON.stringify(parsed.data));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
});

export async function loadTheme() {
  const result = await api.theme();
  if (!result.ok) return $themeStatus.set({ kind: "error", message: result.error.message });
  $savedTheme.set(result.data.theme);
  $themeDraft.set(structuredClone(result.data.theme));
}

/** Sets one token by path: `accent`, `pointsName.one`, `locales.en.programName`. An empty locale text is removed. */
export function setThemeToken(path: string, value: string) {
  const draft = structuredClone($themeDraft.get() ?? {});
  const keys = path.split(".");
  let target = draft as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    target[key] ??= {};
    target = target[key] as Record<string, unknown>;
  }
  const last = keys.at(-1) as string;
  if (value === "" && keys[0] === "locales") delete target[last];
  else target[last] = value;
  $themeDraft.set(draft);
  $themeStatus.set({ kind: "idle" });
}

export async function saveTheme() {
  const parsed = Theme.safeParse($themeDraft.get());
  if (!parsed.success) return $themeStatus.set({ kind: "invalid" });
  $themeStatus.set({ kind: "saving" });
  const result = await api.saveTheme(parsed.data);
  if (!result.ok) return $themeStatus.set({ kind: "error", message: result.error.message });
  $savedTheme.set(result.data.theme);
  $themeDraft.set(structuredClone(result.data.theme));
  $themeStatus.set({ kind: "saved" });
}

export async function resetTheme() {
  $themeStatus.set({ kind: "saving" });
  const result = await api.resetTheme();
  if (!result.ok) return $themeStatus.set({ kind: "error", message: result.error.message });
  $savedTheme.set(result.data.theme);
  $themeDraft.set(structuredClone(result.data.theme));
  $themeStatus.set({ kind: "saved" });
}

export const $previewWidth = atom<"desktop" | "mobile">("desktop");
export const $previewOpen = atom(true);
