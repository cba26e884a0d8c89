import type { WidgetCustomer } from "../../contract/widget.ts";
import type { Words } from "../i18n/index.ts";
import { closeOnEscape, togglePanel } from "../stores/panel.ts";

/** The fixed button: says the balance (or what's missing for the next reward) when logged in. */
export function Launcher({ words, customer, open }: { words: Words; customer: WidgetCustomer | null; open: boolean }) {
  const next = customer?.nextReward;
  return (
    <button type="button" part="launcher" class="l" aria-expanded={open} aria-haspopup="dialog" onClick={togglePanel} onKeyDown={closeOnEscape}>
      <span>{words.launcherLabel}</span>
      {customer && <b>{next && customer.redeemable.length === 0 ? words.t("toNext", { p: next.missing }) : words.points(customer.balance)}</b>}
    </button>
  );
}
