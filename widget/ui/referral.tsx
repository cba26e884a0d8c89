import { copy, share } from "../stores/referral.ts";
import { describeOffer } from "./offer.ts";
import type { PanelProps } from "./panel.tsx";

/** The member's link with copy and share, what each side gets, and how it's going. */
export function Referral({ payload, words, referralLink, copied }: PanelProps) {
  const { customer, program } = payload;
  if (!customer || !program.referral) return null;
  const { referral } = customer;
  const message = words.t("shareText", { t: payload.shop.name, n: referralLink });
  return (
    <>
      <label>
        <small>{words.t("link")}</small>
        <input part="referral-link" readOnly value={referralLink} onFocus={(event) => event.currentTarget.select()} />
      </label>
      <p class="w">
        <button type="button" part="referral-copy" class="a" onClick={() => copy(referralLink, "link")}>
          {copied === "link" ? words.t("copied") : words.t("copy")}
        </button>
        {"share" in navigator ? (
          <button type="button" onClick={() => share(message, referralLink)}>
            {words.t("share")}
          </button>
        ) : (
          <>
            <a href={`mailto:?subject=${encodeURIComponent(payload.shop.name)}&body=${encodeURIComponent(message)}`}>{words.t("email")}</a>
            <a href={`https://wa.me/?text=${encodeURIComponent(message)}`} target="_blank" rel="noopener noreferrer">
              WhatsApp
            </a>
          </>
        )}
      </p>
      <p>{words.t("friendGets", { t: describeOffer(program.referral.friendOffer, words) })}</p>
      <p>{words.t("youGet", { p: program.referral.referrerPoints })}</p>
      <p>
        <small>{words.t("stats", { n: words.number(referral.visits), t: words.number(referral.friendsOrdered), p: referral.pointsEarned })}</small>
      </p>
    </>
  );
}
