import { atom, computed, map } from "nanostores";
import type { ConsoleSession, LinkInfo, MarketerRole } from "../../contract/index.ts";
import { api } from "../api.ts";
import type { TextKey } from "../i18n/index.ts";
import { forgetLinkToken } from "./route.ts";

/** undefined while the first check runs; null when signed out. */
export const $session = atom<ConsoleSession | null | undefined>(undefined);

const rank: Record<MarketerRole, number> = { viewer: 0, editor: 1, owner: 2 };
/** Whether the signed-in marketer's role in the current shop allows what needs `role` (the server checks it again). */
export const $can = computed($session, (session) => (role: MarketerRole) => Boolean(session?.role && rank[session.role] >= rank[role]));

type SignInField = "email" | "password";
export const $signInForm = map({
  email: "",
  password: "",
  busy: false,
  errors: {} as Partial<Record<SignInField, TextKey>>,
  failure: null as TextKey | null,
});

const validEmail = (email: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());
const failureOf = (code: string): TextKey =>
  code === "rate_limited" ? "tooManyAttempts" : code === "network_error" ? "networkError" : "wrongCredentials";

export async function loadSession() {
  const result = await api.session();
  $session.set(result.ok ? result.data : null);
}

export function editSignIn(field: SignInField, value: string) {
  $signInForm.setKey(field, value);
  $signInForm.setKey("errors", { ...$signInForm.get().errors, [field]: undefined });
}

/** Checks the fields, then signs in with email and password; the cookie is set by the endpoint, the shop chosen after. */
export async function submitSignIn() {
  const form = $signInForm.get();
  const errors: Partial<Record<SignInField, TextKey>> = {};
  if (!form.email.trim()) errors.email = "required";
  else if (!validEmail(form.email)) errors.email = "invalidEmail";
  if (!form.password) errors.password = "required";
  $signInForm.set({ ...form, errors, failure: null });
  if (Object.keys(errors).length) return;
  $signInForm.setKey("busy", true);
  const result = await api.signIn({ email: form.email.trim(), password: form.password });
  $signInForm.set({ ...$signInForm.get(), busy: false, password: "" });
  if (result.ok) $session.set(result.data);
  else $signInForm.setKey("failure", failureOf(result.error.code));
}

/** Works on another of the marketer's shops; every page's data is the new shop's. */
export async function chooseShop(shop: string) {
  const result = await api.chooseShop(shop);
  if (result.ok) {
    $session.set(result.data);
    location.reload();
  }
}

export async function signOut() {
  await api.signOut();
  $session.set(null);
}

/** A one-time link being used: what it is for, the password typed, and what went wrong. */
export const $link = map({
  token: "",
  info: null as LinkInfo | null,
  password: "",
  confirm: "",
  busy: false,
  error: null as TextKey | null,
  failure: null as string | null,
});

export async function openLink(token: string) {
  $link.set({ token, info: null, password: "", confirm: "", busy: false, error: null, failure: null });
  const result = await api.lookupLink(token);
  if (result.ok) $link.setKey("info", result.data);
  else $link.setKey("failure", result.error.code === "not_found" ? "linkGone" : result.error.message);
}

/** A new account or a reset sets a password (typed twice); an invitation to an existing account is confirmed with its current one. */
export async function acceptLink() {
  const link = $link.get();
  if (!link.info) return;
  const setting = link.info.kind === "reset" || !link.info.accountExists;
  const error: TextKey | null = !link.password
    ? "required"
    : setting && link.password.length < 10
      ? "passwordTooShort"
      : setting && link.password !== link.confirm
        ? "passwordsDiffer"
        : null;
  $link.set({ ...link, error, failure: null });
  if (error) return;
  $link.setKey("busy", true);
  const result = await api.acceptLink({ token: link.token, password: link.password });
  $link.set({ ...$link.get(), busy: false, password: "", confirm: "" });
  if (!result.ok) return $link.setKey("failure", result.error.code === "forbidden" ? "wrongPassword" : result.error.message);
  forgetLinkToken();
  $session.set(result.data);
}
