/** Lower-cases an email; drops a +tag, and the dots of a Gmail local part, so aliases compare equal. */
export function normaliseEmail(email: string): string {
  const [local = "", domain = ""] = email.trim().toLowerCase().split("@");
  const base = local.split("+")[0] ?? "";
  const gmail = domain === "gmail.com" || domain === "googlemail.com";
  return `${gmail ? base.replaceAll(".", "") : base}@${gmail ? "gmail.com" : domain}`;
}

export type ReferralBlock = "self_referral" | "not_a_new_customer" | "weekly_cap" | "disabled";

export interface ReferralFacts {
  enabled: boolean;
  referrerId: string;
  friendId: string;
  referrerEmail: string | null;
  friendEmail: string | null;
  /** Orders the friend had before this one. */
  friendPreviousOrders: number;
  /** Referrals already credited to the referrer in the last 7 days. */
  referrerCreditsThisWeek: number;
  weeklyCap: number;
}

/**
 * The fraud rules, in order. They judge people, not households: a shared address, IP or surname is
 * never a reason to block, so that a family member can refer another.
 */
export function judgeReferral(facts: ReferralFacts): { credited: true } | { credited: false; reason: ReferralBlock } {
  if (!facts.enabled) return { credited: false, reason: "disabled" };
  if (isSelfReferral(facts)) return { credited: false, reason: "self_referral" };
  if (facts.friendPreviousOrders > 0) return { credited: false, reason: "not_a_new_customer" };
  if (facts.referrerCreditsThisWeek >= facts.weeklyCap) return { credited: false, reason: "weekly_cap" };
  return { credited: true };
}

/** Whether `friend` is the referrer under another name: the same customer, or the same normalised email. */
export function isSelfReferral(facts: Pick<ReferralFacts, "referrerId" | "friendId" | "referrerEmail" | "friendEmail">): boolean {
  if (facts.referrerId === facts.friendId) return true;
  return Boolean(facts.referrerEmail && facts.friendEmail && normaliseEmail(facts.referrerEmail) === normaliseEmail(facts.friendEmail));
}
