/** @jsxImportSource widget-dom */
import type { Reward } from "../../../contract/program.ts";
import type { View } from "../view.ts";
import { Button, CopyButton } from "./bits.tsx";
import { Icon, type IconName, rewardIcon } from "./icons.tsx";

interface CodeProps {
  view: View;
  icon: IconName;
  /** What the code is for (left out where the card around it says so). */
  title?: string;
  hint?: string;
  code: string;
  expiresAt: string;
  /** The reward it is for: the shop may take it into the cart (`redeemed`, from the wallet). */
  reward?: Reward;
  class?: string;
}

/** A discount code with what it is for, copy, its expiry date and, where the shop takes codes, "apply to cart". */
export function CodeCard({ view, icon, title, hint, code, expiresAt, reward, class: className = "" }: CodeProps) {
  const { t } = view.words;
  const applied = view.applied.includes(code);
  return (
    <div class={`code-card ${className}`}>
      {title && (
        <p class="code-title">
          <Icon name={icon} />
          <b>{title}</b>
        </p>
      )}
      {hint && <p class="muted">{hint}</p>}
      <div class="code-row">
        <output part="reward-code" class="code">
          {code}
        </output>
        <CopyButton view={view} value={code} class="button secondary" />
      </div>
      <p class="muted small">{t("code.expires", { date: view.format.date(expiresAt) })}</p>
      {reward && view.canApply && (
        <Button class="button" disabled={applied} onClick={() => view.stores.copy.apply({ rewardId: reward.id, code, expiresAt })}>
          {t(applied ? "code.applied" : "code.apply")}
        </Button>
      )}
    </div>
  );
}

/** The shopper's unused codes: those redeemed (kept by the endpoint, and this page's own at once) and a friend's welcome code. */
export function Wallet(view: View) {
  const { customer, program, redeemed, welcome, now, words } = view;
  const referral = program?.referral;
  const kept = customer?.wallet ?? [];
  const codes = [...redeemed.filter((fresh) => !kept.some((entry) => entry.code === fresh.code)), ...kept].filter(
    (entry) => Date.parse(entry.expiresAt) > now,
  );
  if (!codes.length && !welcome) return null;
  return (
    <section part="wallet" class="section" aria-labelledby="loyalty-wallet">
      <h3 id="loyalty-wallet">{words.t("wallet.heading")}</h3>
      <ul class="stack">
        {welcome && (
          <li>
            <CodeCard
              view={view}
              icon="gift"
              title={words.t("welcome.title", { offer: referral?.offer ?? "" })}
              hint={[words.t("welcome.hint"), referral?.terms].filter(Boolean).join(" ")}
              code={welcome.code}
              expiresAt={welcome.expiresAt}
            />
          </li>
        )}
        {codes.map(({ code, reward, expiresAt }) => (
          <li>
            <CodeCard
              view={view}
              icon={rewardIcon(reward.kind)}
              title={words.text(reward.title)}
              hint={program?.rewardTerms[reward.id]}
              code={code}
              expiresAt={expiresAt}
              reward={reward}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
