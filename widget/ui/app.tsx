import type { View } from "../stores/view.ts";
import { Launcher } from "./launcher.tsx";
import { Panel } from "./panel.tsx";

/** The whole widget (once the payload is there): the launcher and, when open, the panel. */
export function App(view: View) {
  const { payload, theme, redeem, words } = view;
  const customer = payload.customer;
  return (
    <div class={`r ${theme.position} ${theme.colorScheme}`} lang={words.locale}>
      {view.panel.open && <Panel {...view} />}
      <Launcher words={words} customer={customer} open={view.panel.open} />
      <p class="sr" aria-live="polite">
        {customer && redeem?.step === "done" ? `${words.t("balance")}: ${words.points(customer.balance)}` : ""}
      </p>
    </div>
  );
}
