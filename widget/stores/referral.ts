import { atom } from "nanostores";
import type { ReferralWelcome } from "../../contract/widget.ts";
import { recordReferralVisit } from "../api.ts";
import { emit } from "./events.ts";
import type { WidgetPayload } from "../../contract/widget.ts";
import { $payload } from "./payload.ts";

/** The friend's welcome offer after arriving with `?ref=CODE`. */
export const $welcome = atom<ReferralWelcome | null>(null);

/** Which copy button last succeeded ("link", "code"), for its "Copied" feedback. */
export const $copied = atom<string | null>(null);

/** The member's referral link: the shop's home page with `?ref=CODE`. */
export const referralLink = (payload: WidgetPayload) =>
  payload.customer ? `${location.origin}/?ref=${encodeURIComponent(payload.customer.referral.code)}` : "";

/** Records the visit of a page opened with `?ref=CODE` (not the member's own link); true when there is an offer to show. */
export async function welcomeFriend(search: string) {
  const code = new URLSearchParams(search).get("ref");
  if (!code || $payload.get()?.customer?.referral.code === code) return false;
  const result = await recordReferralVisit(code);
  if (result.ok) $welcome.set(result.data);
  return result.ok;
}

/** Copies text to the clipboard; `what` names the button that asked. */
export async function copy(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    return;
  }
  $copied.set(what);
  if (what === "link") emit("referral-copied", { link: text });
}

/** Opens the system share sheet where there is one. */
export const share = (text: string, url: string) => navigator.share?.({ text, url }).catch(() => {});
