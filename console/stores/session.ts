import { atom, map } from "nanostores";
import type { ConsoleSession } from "../../contract/index.ts";
import { api } from "../api.ts";
import type { TextKey } from "../i18n/index.ts";

/** undefined while the first check runs; null when signed out. */
export const $session = atom<ConsoleSession | null | undefined>(undefined);

export const $signInForm = map({
  shop: typeof location === "undefined" ? "" : (new URLSearchParams(location.search).get("shop") ?? ""),
  email: "",
  password: "",
  busy: false,
  errors: {} as Partial<Record<"shop" | "email" | "password", TextKey>>,
  failure: null as TextKey | null,
});

export async function loadSession() {
  const result = await api.session();
  $session.set(result.ok ? result.data : null);
}

export function editSignIn(field: "shop" | "email" | "password", value: string) {
  $signInForm.setKey(field, value);
  $signInForm.setKey("errors", { ...$signInForm.get().errors, [field]: undefined });
}

/** Checks the fields, then signs in; the cookie is set by the endpoint. */
export async function submitSignIn() {
  const form = $signInForm.get();
  const errors: Partial<Record<"shop" | "email" | "password", TextKey>> = {};
  if (!form.shop.trim()) errors.shop = "required";
  if (!form.email.trim()) errors.email = "required";
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) errors.email = "invalidEmail";
  if (!form.password) errors.password = "required";
  $signInForm.set({ ...form, errors, failure: null });
  if (Object.keys(errors).length) return;
  $signInForm.setKey("busy", true);
  const result = await api.signIn({ shop: form.shop.trim(), email: form.email.trim(), password: form.password });
  $signInForm.set({ ...$signInForm.get(), busy: false, password: "" });
  if (result.ok) $session.set(result.data);
  else
    $signInForm.setKey(
      "failure",
      result.error.code === "rate_limited" ? "tooManyAttempts" : result.error.code === "network_error" ? "networkError" : "wrongCredentials",
    );
}

export async function signOut() {
  await api.signOut();
  $session.set(null);
}
