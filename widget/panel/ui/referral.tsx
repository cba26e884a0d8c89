/** @jsxImportSource widget-dom */
import type { View } from "../view.ts";
import { Button, CopyButton } from "./bits.tsx";
import { Icon } from "./icons.tsx";

/** The member's link with copy and share, what each side gets, and how it is going. */
export function Referral(view: View) {
  const { customer, program, boot, referralLink, words, stores } = view;
  if (!customer || !program?.referral) return null;
  const { t } = words;
  const { referrerPoints, offer, terms } = program.referral;
  const message = t("referral.shareText", { shop: boot.shop.name, link: referralLink });
  const stats = customer.referral;
  return (
    <>
      <div class="hero">
        <span class="disc big">
          <Icon name="users" />
        </span>
        <h3>{t("referral.title", { offer, points: referrerPoints })}</h3>
        <p>{t("referral.how", { offer, points: referrerPoints })}</p>
        {terms && <p class="muted">{terms}</p>}
      </div>
      <label class="field">
        <span>{t("referral.link")}</span>
        <input
          part="referral-link"
          readOnly
          value={referralLink}
          onFocus={(event: FocusEvent) => (event.currentTarget as HTMLInputElement).select()}
        />
      </label>
      <p class="actions">
        <CopyButton view={view} part="referral-copy" class="button" value={referralLink} link />
        {/* the system's share sheet where there is one (phones, mostly); elsewhere the link is copied */}
        {"share" in navigator && (
          <Button class="button secondary" onClick={() => stores.copy.share(message, referralLink)}>
            {t("referral.share")}
          </Button>
        )}
      </p>
      <ul class="actions">
        <li class="pill">{t("referral.visits", { count: stats.visits })}</li>
        <li class="pill">{t("referral.friends", { count: stats.friendsOrdered })}</li>
        <li class="pill">{t("referral.earned", { points: stats.pointsEarned })}</li>
      </ul>
    </>
  );
}
