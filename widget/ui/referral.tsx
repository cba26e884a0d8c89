import { points, t } from "../i18n/index.ts";
import { share } from "../stores/referral.ts";
import type { View } from "../stores/view.ts";
import { Button, CopyButton, Row } from "./bits.tsx";
import { describeOffer } from "./offer.ts";

/** The member's link with copy and share, what each side gets, and how it's going. */
export function Referral({ payload, referralLink, copied }: View) {
  const { customer, program, shop } = payload;
  if (!customer || !program.referral) return null;
  const { referral } = customer;
  const message = t("shareText", { t: shop.name, n: referralLink });
  return (
    <>
      <label>
        <small>{t("link")}</small>
        <input part="referral-link" readOnly value={referralLink} onFocus={(event) => event.currentTarget.select()} />
      </label>
      <Row>
        <CopyButton part="referral-copy" class="a" value={referralLink} what="link" copied={copied} />
        {"share" in navigator ? (
          <Button onClick={() => share(message, referralLink)}>{t("share")}</Button>
        ) : (
          <>
            <a href={`mailto:?subject=${encodeURIComponent(shop.name)}&body=${encodeURIComponent(message)}`}>{t("email")}</a>
            <a href={`https://wa.me/?text=${encodeURIComponent(message)}`} target="_blank" rel="noopener noreferrer">
              WhatsApp
            </a>
          </>
        )}
      </Row>
      <p>{t("friendGets", { t: describeOffer(program.referral.friendOffer) })}</p>
      <p>{t("youGet", { p: program.referral.referrerPoints })}</p>
      <p>
        <small>
          {t("visits", { n: referral.visits })} · {t("friendsOrdered", { n: referral.friendsOrdered })} · {points(referral.pointsEarned)}
        </small>
      </p>
    </>
  );
}
