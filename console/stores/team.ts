import { atom, map } from "nanostores";
import type { AuditEntry, MarketerList, OneTimeLink } from "../../contract/index.ts";
import { api } from "../api.ts";
import type { TextKey } from "../i18n/index.ts";

export const $team = atom<MarketerList | null>(null);
export const $teamError = atom<string | null>(null);
/** The one-time link just made (an invitation or a reset), shown until the next action. */
export const $oneTimeLink = atom<OneTimeLink | null>(null);
export const $inviteForm = map({ email: "", role: "editor", error: null as TextKey | null, busy: false });

export async function loadTeam() {
  const result = await api.marketers();
  $teamError.set(result.ok ? null : result.error.message);
  if (result.ok) $team.set(result.data);
}

export async function sendInvite() {
  const form = $inviteForm.get();
  const email = form.email.trim();
  const error: TextKey | null = !email ? "required" : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? null : "invalidEmail";
  $inviteForm.set({ ...form, error });
  if (error) return;
  $inviteForm.setKey("busy", true);
  const result = await api.invite(email, form.role);
  $inviteForm.set({ ...$inviteForm.get(), busy: false, ...(result.ok ? { email: "" } : {}) });
  $teamError.set(result.ok ? null : result.error.message);
  $oneTimeLink.set(result.ok ? result.data : null);
  if (result.ok) await loadTeam();
}

/** Applies a change that answers the new list (a role, a removal, a withdrawn invitation). */
async function changed(request: Promise<Awaited<ReturnType<typeof api.marketers>>>) {
  const result = await request;
  $teamError.set(result.ok ? null : result.error.message);
  $oneTimeLink.set(null);
  if (result.ok) $team.set(result.data);
}

export const changeRole = (email: string, role: string) => changed(api.changeRole(email, role));
export const removeMarketer = (email: string) => changed(api.removeMarketer(email));
export const revokeInvite = (email: string) => changed(api.revokeInvite(email));

export async function makeResetLink(email: string) {
  const result = await api.resetLink(email);
  $teamError.set(result.ok ? null : result.error.message);
  $oneTimeLink.set(result.ok ? result.data : null);
}

export const $audit = atom<AuditEntry[] | null>(null);
export const $auditCursor = atom<string | null>(null);

/** The audit log's newest page, or the next older one appended. */
export async function loadAudit(older = false) {
  const result = await api.audit(older ? ($auditCursor.get() ?? undefined) : undefined);
  if (!result.ok) return $teamError.set(result.error.message);
  $audit.set(older ? [...($audit.get() ?? []), ...result.data.entries] : result.data.entries);
  $auditCursor.set(result.data.nextCursor);
}

export const $passwordForm = map({ current: "", next: "", confirm: "", error: null as TextKey | null, failure: null as string | null, done: false });

export async function changePassword() {
  const form = $passwordForm.get();
  const error: TextKey | null =
    !form.current || !form.next ? "required" : form.next.length < 10 ? "passwordTooShort" : form.next !== form.confirm ? "passwordsDiffer" : null;
  $passwordForm.set({ ...form, error, failure: null, done: false });
  if (error) return;
  const result = await api.changePassword({ currentPassword: form.current, newPassword: form.next });
  if (result.ok) $passwordForm.set({ current: "", next: "", confirm: "", error: null, failure: null, done: true });
  else $passwordForm.set({ ...$passwordForm.get(), failure: result.error.code === "forbidden" ? "wrongPassword" : result.error.message });
}
