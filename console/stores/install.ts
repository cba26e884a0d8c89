import { atom } from "nanostores";
import { AllowedOrigins, type InstallChecklist, type InstallInfo } from "../../contract/index.ts";
import { api } from "../api.ts";
import type { TextKey } from "../i18n/index.ts";

export const $install = atom<InstallInfo | null>(null);
export const $checklist = atom<InstallChecklist | null>(null);
export const $originsText = atom("");
export const $originsError = atom<string | null>(null);
export const $originsSaved = atom(false);
export const $overlapHours = atom("24");
/** A freshly rotated key, shown once. */
export const $rotated = atom<{ key: TextKey; value: string; until: string } | null>(null);
export const $installError = atom<string | null>(null);

export async function loadInstall() {
  const [result, checklist] = await Promise.all([api.install(), api.checklist()]);
  if (checklist.ok) $checklist.set(checklist.data);
  if (!result.ok) return $installError.set(result.error.message);
  $install.set(result.data);
  $originsText.set(result.data.allowedOrigins.join("\n"));
}

export async function saveOrigins() {
  const allowedOrigins = $originsText
    .get()
    .split(/\s+/)
    .map((origin) => origin.trim().replace(/\/$/, ""))
    .filter(Boolean);
  $originsSaved.set(false);
  const parsed = AllowedOrigins.safeParse({ allowedOrigins });
  if (!parsed.success) return $originsError.set(parsed.error.issues[0]?.message ?? "invalid");
  $originsError.set(null);
  const result = await api.saveOrigins(parsed.data.allowedOrigins);
  if (!result.ok) return $originsError.set(result.error.message);
  $install.set(result.data);
  $originsText.set(result.data.allowedOrigins.join("\n"));
  $originsSaved.set(true);
  const checklist = await api.checklist();
  if (checklist.ok) $checklist.set(checklist.data);
}

/** Adds an origin the widget was seen on (e.g. one that was refused) to the allowed ones. */
export function allowOrigin(origin: string) {
  const lines = $originsText.get().split(/\s+/).filter(Boolean);
  if (!lines.includes(origin)) $originsText.set([...lines, origin].join("\n"));
  return saveOrigins();
}

export async function rotate(which: "secretKey" | "signingSecret") {
  const hours = Number($overlapHours.get());
  const result = which === "secretKey" ? await api.rotateSecretKey(hours) : await api.rotateSigningSecret(hours);
  if (!result.ok) return $installError.set(result.error.message);
  $installError.set(null);
  const value = "secretKey" in result.data ? result.data.secretKey : result.data.signingSecret;
  $rotated.set({ key: which === "secretKey" ? "newSecretKey" : "newSigningSecret", value, until: result.data.previousValidUntil });
  await loadInstall();
}
