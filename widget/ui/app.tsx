import { points, t } from "../i18n/index.ts";
import { closeOnEscape, closePanel, openPanel, type Section, sections, togglePanel } from "../stores/panel.ts";
import type { View } from "../stores/view.ts";
import { Activity } from "./activity.tsx";
import { Button } from "./bits.tsx";
import { Earn } from "./earn.tsx";
import { Home } from "./home.tsx";
import { Referral } from "./referral.tsx";
import { Rewards } from "./rewards.tsx";

/** Each section's body, in the order of `sections`. */
const bodies = [Home, Earn, Rewards, Referral, Activity];

/**
 * The whole widget (once the payload is there): the launcher, which says the balance (or what's missing for the next reward) when
 * logged in; when open, the dialog with its title, close button, section tabs and the current section; the live region.
 */
export function App(view: View) {
  const { payload, theme, redeem, panel } = view;
  const customer = payload.customer;
  const next = customer?.nextReward;
  // guests see what the program offers; referral and activity are a member's own
  const tabs: readonly Section[] = customer ? sections : sections.slice(0, 3);
  const section = tabs.includes(panel.section) ? panel.section : "home";
  const Body = bodies[sections.indexOf(section)]!;
  return (
    <div class={`r ${theme.position} ${theme.colorScheme}`} lang={view.locale}>
      {panel.open && (
        <div part="panel" class="p" role="dialog" aria-labelledby="loyalty-title" tabIndex={-1} onKeyDown={closeOnEscape}>
          <div class="title-bar">
            <h2 id="loyalty-title">{theme.programName}</h2>
            <Button part="close" class="i" aria-label={t("close")} onClick={closePanel}>
              ×
            </Button>
          </div>
          <nav aria-label={t("sections")}>
            {tabs.map((tab) => (
              <Button key={tab} aria-current={tab === section ? "page" : undefined} onClick={() => openPanel(tab)}>
                {t(tab)}
              </Button>
            ))}
          </nav>
          <div class="m">
            <Body {...view} />
          </div>
        </div>
      )}
      <Button part="launcher" class="l" aria-expanded={panel.open} aria-haspopup="dialog" onClick={togglePanel} onKeyDown={closeOnEscape}>
        <span>{theme.launcherLabel}</span>
        {customer && <b>{next && !customer.redeemable.length ? t("toNext", { p: next.missing }) : points(customer.balance)}</b>}
      </Button>
      <p class="sr" aria-live="polite">
        {customer && redeem?.step === "done" ? `${t("balance")}: ${points(customer.balance)}` : ""}
      </p>
    </div>
  );
}
