import type { View } from "../stores/view.ts";
import { Launcher } from "./launcher.tsx";
import { Panel } from "./panel.tsx";

/** The whole widget: nothing until the payload arrives, then the launcher and, when open, the panel. */
export function App(view: View) {
  const { payload, theme, redeem, words } = view;
  if (!payload) return null;
  const customer = payload.customer;
  return (
    <div class={`r ${theme.position} ${theme.colorScheme}`} lang={words.locale}>
      {view.panel.open && <Panel {...view} payload={payload} />}
      <Launcher words={words} customer={customer} open={view.panel.open} />
      <p class="sr" aria-live="polite">
        {customer && redeem?.step === "done" ? `${words.t("balance")}: ${words.points(customer.balance)}` : ""}
      </p>
    </div>
  );
}
