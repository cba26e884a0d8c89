import { atom, computed } from "nanostores";
import { Program, Theme, type WidgetTextDefaults } from "../../contract/index.ts";
// a pure function shared with the endpoint: the editor warns with the same numbers the server returns
import { type ContrastPair, contrastPairs, contrastRatio } from "../../contract/rules/contrast.ts";
import { api } from "../api.ts";
import { $locale } from "../i18n/index.ts";
import { issuesByPath, stableJson } from "./issues.ts";

/** What the editor edits: any shape while typing; validated by the contract's Theme before saving. */
export type ThemeDraft = Record<string, unknown>;

export const $savedTheme = atom<Theme | null>(null);
export const $themeDraft = atom<ThemeDraft | null>(null);
export const $themeStatus = atom<{ kind: "idle" | "saving" | "saved" | "invalid" | "error"; message?: string }>({ kind: "idle" });
/** The widget's own texts per language, shown as placeholders behind the overrides. */
export const $textDefaults = atom<WidgetTextDefaults["locales"] | null>(null);

export const $themeErrors = computed([$themeDraft, $locale], (draft) => {
  if (!draft) return {};
  const parsed = Theme.safeParse(draft);
  return parsed.success ? {} : issuesByPath(parsed.error.issues);
});

export const $themeDirty = computed([$themeDraft, $savedTheme], (draft, saved) => Boolean(draft && saved && stableJson(draft) !== stableJson(saved)));

/** Pairs below WCAG AA (4.5:1), light and dark, computed live from the draft. */
export const $contrastWarnings = computed($themeDraft, (draft): { what: ContrastPair; ratio: number }[] => {
  const parsed = Theme.safeParse(draft);
  if (!parsed.success) return [];
  return contrastPairs(parsed.data)
    .map(({ pair, foreground, background }) => ({ what: pair, ratio: contrastRatio(foreground, background) }))
    .filter(({ ratio }) => ratio < 4.5);
});

/** The program page's draft, drawn by the preview too (null on the Look page: the saved program is drawn). */
export const $previewProgram = atom<Program | null>(null);
/** The widget section the preview opens at (the program page picks the one its section shows). */
export const $previewSection = atom("home");

const base64url = (value: unknown) => {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};

/** The draft as base64url JSON for the preview page's URL (with the drafted program when there is one), or null while it does not validate. */
export const $previewDraft = computed([$themeDraft, $previewProgram], (draft, program) => {
  const theme = Theme.safeParse(draft);
  if (!theme.success) return null;
  if (!program) return base64url(theme.data);
  const parsed = Program.safeParse(program);
  return parsed.success ? base64url({ theme: theme.data, program: parsed.data }) : null;
});

export async function loadTheme() {
  const [result, texts] = await Promise.all([api.theme(), $textDefaults.get() ? null : api.themeTexts()]);
  if (texts?.ok) $textDefaults.set(texts.data.locales);
  if (!result.ok) return $themeStatus.set({ kind: "error", message: result.error.message });
  $savedTheme.set(result.data.theme);
  $themeDraft.set(structuredClone(result.data.theme));
}

/** Sets one token by path: `accent`, `dark.accent`, `pointsName.one`, `locales.en.texts.redeem.one`. An empty optional value is removed. */
export function setThemeToken(path: string, value: string) {
  const draft = structuredClone($themeDraft.get() ?? {});
  const keys = path.split(".");
  let target = draft as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (!target[key] || typeof target[key] !== "object") target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  const last = keys.at(-1) as string;
  if (value === "" && (keys[0] === "locales" || keys[0] === "dark")) delete target[last];
  else target[last] = value;
  $themeDraft.set(pruned(draft));
  $themeStatus.set({ kind: "idle" });
}

/** Sets a plain text override by its key (keys may hold dots: `reward.redeem`); empty removes it. */
export function setTextOverride(locale: string, key: string, value: string) {
  const draft = structuredClone($themeDraft.get() ?? {}) as { locales?: Record<string, { texts?: Record<string, unknown> }> };
  draft.locales ??= {};
  const words = draft.locales[locale] ?? {};
  draft.locales[locale] = words;
  const texts = words.texts ?? {};
  if (value === "") delete texts[key];
  else texts[key] = value;
  words.texts = texts;
  $themeDraft.set(pruned(draft as ThemeDraft));
  $themeStatus.set({ kind: "idle" });
}

/**
 * Sets a plural text override: the forms typed, each missing one filled with the default so the widget never lacks a form;
 * all empty removes the override.
 */
export function setPluralText(locale: string, key: string, category: string, value: string, defaults: Record<string, string>) {
  const draft = structuredClone($themeDraft.get() ?? {}) as { locales?: Record<string, { texts?: Record<string, unknown> }> };
  draft.locales ??= {};
  const words = draft.locales[locale] ?? {};
  draft.locales[locale] = words;
  const texts = words.texts ?? {};
  const current = { ...defaults, ...(typeof texts[key] === "object" ? (texts[key] as Record<string, string>) : {}), [category]: value };
  const overridden = Object.entries(current).some(([name, form]) => form && form !== defaults[name]);
  if (overridden)
    texts[key] = Object.fromEntries(
      Object.entries(current)
        .filter(([name]) => name in defaults)
        .map(([name, form]) => [name, form || (defaults[name] ?? "")]),
    );
  else delete texts[key];
  words.texts = texts;
  $themeDraft.set(pruned(draft as ThemeDraft));
  $themeStatus.set({ kind: "idle" });
}

/** Empty override objects go, so that a cleared field leaves the theme as it was. */
function pruned(draft: ThemeDraft): ThemeDraft {
  const locales = draft.locales as Record<string, Record<string, unknown>> | undefined;
  for (const [locale, words] of Object.entries(locales ?? {})) {
    if (words.texts && !Object.keys(words.texts).length) delete words.texts;
    if (!Object.keys(words).length && locales) delete locales[locale];
  }
  return draft;
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

export function discardTheme() {
  const saved = $savedTheme.get();
  if (saved) $themeDraft.set(structuredClone(saved));
  $themeStatus.set({ kind: "idle" });
}

export const $previewWidth = atom<"desktop" | "mobile">("desktop");
export const $previewOpen = atom(true);
