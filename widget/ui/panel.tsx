import { closeOnEscape, closePanel, openPanel, type Section, sections } from "../stores/panel.ts";
import type { View } from "../stores/view.ts";
import { Activity } from "./activity.tsx";
import { Earn } from "./earn.tsx";
import { Home } from "./home.tsx";
import { Referral } from "./referral.tsx";
import { Rewards } from "./rewards.tsx";

export type PanelProps = View;

const bodies = { home: Home, earn: Earn, rewards: Rewards, referral: Referral, activity: Activity };

/** The dialog: title, close button, section tabs and the current section. */
export function Panel(props: PanelProps) {
  const { words, panel, payload } = props;
  const member = payload.customer !== null;
  // guests see what the program offers; referral and activity are a member's own
  const tabs: readonly Section[] = member ? sections : sections.slice(0, 3);
  const section = tabs.includes(panel.section) ? panel.section : "home";
  const Body = bodies[section];
  return (
    <div part="panel" class="p" role="dialog" aria-labelledby="loyalty-title" tabIndex={-1} onKeyDown={closeOnEscape}>
      <header>
        <h2 id="loyalty-title">{words.programName}</h2>
        <button type="button" part="close" class="i" aria-label={words.t("close")} onClick={closePanel}>
          ×
        </button>
      </header>
      <nav aria-label={words.t("sections")}>
        {tabs.map((tab) => (
          <button type="button" key={tab} aria-current={tab === section ? "page" : undefined} onClick={() => openPanel(tab)}>
            {words.t(tab)}
          </button>
        ))}
      </nav>
      <div class="m">
        <Body {...props} />
      </div>
    </div>
  );
}
