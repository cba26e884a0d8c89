/** @jsxImportSource widget-dom */
import type { Section } from "../../seam.ts";
import type { Child } from "../dom/render.ts";
import type { View } from "../view.ts";
import { Activity } from "./activity.tsx";
import { Button, Failure } from "./bits.tsx";
import { Earn } from "./earn.tsx";
import { Home } from "./home.tsx";
import { Icon } from "./icons.tsx";
import { Referral } from "./referral.tsx";
import { Rewards } from "./rewards.tsx";

const bodies: Record<Section, (view: View) => Child> = { home: Home, earn: Earn, rewards: Rewards, referral: Referral, activity: Activity };

/** What the live region says: the new balance after a redemption, so a screen reader hears it without moving focus. */
function announcement({ customer, redeem, words }: View) {
  return customer && redeem?.step === "done" ? words.t("live.balance", { points: customer.balance }) : "";
}

/** The body of the current section; while the panel answer loads, a busy note; if it failed, the failure and a retry. */
function Body(view: View) {
  const { program, failed, words, stores, boot } = view;
  if (program) {
    const Section = bodies[view.section];
    return <Section {...view} />;
  }
  if (!failed) return <p class="loading" aria-busy="true" />;
  return (
    <>
      <Failure text={words.t("launcher.failed")} />
      <Button class="button" onClick={() => stores.panelData.retry(boot)}>
        {words.t("reward.retry") || "↻"}
      </Button>
    </>
  );
}

/**
 * The panel: a dialog (a bottom sheet on narrow screens) with the program's name, the member's balance and tier, the section
 * tabs and the current section; and the live region, always there so that what it says is heard.
 */
export function App(view: View) {
  const { boot, customer, words, stores, section } = view;
  const { t } = words;
  const close = () => stores.host.close();
  return (
    <>
      {view.open && (
        <>
          {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a tap beside the sheet closes it; keyboards have Escape and the close button */}
          <div class="scrim" onClick={close} />
          <div
            part="panel"
            class="panel"
            role="dialog"
            aria-labelledby="loyalty-title"
            tabIndex={-1}
            onKeyDown={(event: KeyboardEvent) => event.key === "Escape" && close()}
          >
            <div class="panel-head">
              <div class="head-row">
                <h2 id="loyalty-title">{boot.theme.programName}</h2>
                <Button part="close" class="icon-button" aria-label={t("panel.close") || "×"} onClick={close}>
                  <Icon name="close" />
                </Button>
              </div>
              {customer && (
                <p part="balance" class="balance">
                  <span>{t("panel.balance")}</span>
                  {/* a negative balance with a true minus sign; home says why */}
                  <b>{customer.balance < 0 ? `−${words.points(-customer.balance)}` : words.points(customer.balance)}</b>
                  {customer.tier && <span class="chip">{t("tier.current", { tier: words.text(customer.tier.name) })}</span>}
                </p>
              )}
            </div>
            <nav class="tabs" aria-label={t("panel.sections")}>
              {view.sections.map((tab) => (
                <Button
                  aria-current={tab === section ? "page" : undefined}
                  onClick={() => stores.host.open(tab)}
                  // a tab beyond the strip's edge (a narrow phone, a long word) comes fully into view, its focus ring too
                  onFocus={(event: FocusEvent) => (event.currentTarget as Element).scrollIntoView({ block: "nearest", inline: "nearest" })}
                >
                  {t(`tab.${tab}`)}
                </Button>
              ))}
            </nav>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable, so that a keyboard can scroll a section with no control of its own */}
            <div class="panel-body" tabIndex={0}>
              <Body {...view} />
            </div>
          </div>
        </>
      )}
      <p class="visually-hidden" aria-live="polite">
        {announcement(view)}
      </p>
    </>
  );
}
