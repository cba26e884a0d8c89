import { html } from "hono/html";
import type { Account } from "../store.ts";
import type { PageFrame } from "./layout.ts";

/** The physical store's till: pick a shopper, type the receipt total, record it (channel "store"). */
export function counterPage(frame: PageFrame, accounts: Account[], selected: string | undefined, balance: { name: string; balance: number } | null) {
  const { t } = frame;
  return html`<section class="counter">
  <h1>${t("counterTitle")}</h1>
  <p>${t("counterIntro")}</p>
  ${balance ? html`<p class="counter-balance" data-counter-balance="${balance.balance}">${t("counterBalance", balance)}</p>` : ""}
  <form method="post" action="/mostrador" class="stacked-form till">
    <label>${t("shopper")}
      <select name="customer" required>
        ${accounts.map((account) => html`<option value="${account.id}"${account.id === selected ? " selected" : ""}>${account.name} · ${account.email}</option>`)}
      </select>
    </label>
    <label>${t("amount")} <input name="amount" required inputmode="decimal" pattern="\\d{1,7}([.,]\\d{1,2})?" placeholder="24,90"></label>
    <button type="submit" class="button">${t("record")}</button>
  </form>
</section>`;
}
