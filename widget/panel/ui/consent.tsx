/** @jsxImportSource widget-dom */
import type { View } from "../view.ts";
import { Button, Problem } from "./bits.tsx";

/** The member's switch for reminders and marketing messages (contract 7.4): what they say here, the shop's own emails follow. */
export function Consent(view: View) {
  const { customer, words, stores, consent } = view;
  if (!customer) return null;
  const on = consent?.asked ?? customer.marketingConsent;
  return (
    <div part="consent" class="panel-card">
      <Button role="switch" class="row switch" aria-checked={String(on)} onClick={() => stores.consent.set(!on)}>
        {words.t("consent.label")}
      </Button>
      <p class="muted">{words.t("consent.hint")}</p>
      <Problem view={view} error={consent?.error} />
    </div>
  );
}
