/** @jsxImportSource widget-dom */
import { schemas } from "../../schema/panel.ts";
import type { View } from "../view.ts";
import { Button, Problem } from "./bits.tsx";

/** The member's switch for reminders and marketing messages (contract 7.4): what they say here, the shop's own emails follow. */
export function Consent(view: View) {
  const { customer, words, stores, sent } = view;
  if (!customer) return null;
  const asked = sent.consent;
  // while the request is in flight the switch shows what was asked; then what the endpoint recorded
  const on = asked?.busy ? !!asked.body.marketing : customer.marketingConsent;
  return (
    <div part="consent" class="panel-card">
      <Button
        role="switch"
        class="row switch"
        aria-checked={String(on)}
        onClick={() => stores.sent.send("consent", "consent", { marketing: !on }, schemas.ConsentState, "PUT")}
      >
        {words.t("consent.label")}
      </Button>
      <p class="muted">{words.t("consent.hint")}</p>
      <Problem view={view} error={asked?.error} />
    </div>
  );
}
