import { useStore } from "@nanostores/preact";
import { useEffect, useRef } from "preact/hooks";
import type { ConsoleLedgerEntry } from "../../contract/index.ts";
import { api } from "../api.ts";
import { formatDate, formatMoney, formatNumber } from "../format.ts";
import { $locale, $t, type Translate } from "../i18n/index.ts";
import {
  $adjustment,
  $confirmingErasure,
  $customer,
  editAdjustment,
  eraseCustomer,
  loadOlderEntries,
  submitAdjustment,
} from "../stores/customers.ts";
import { $can, $session } from "../stores/session.ts";
import { TextField } from "./fields.tsx";

function AdjustmentForm() {
  const t = useStore($t);
  const form = useStore($adjustment);
  return (
    <form
      class="adjustment"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submitAdjustment();
      }}
    >
      <h3>{t("adjust")}</h3>
      <div class="fields-grid">
        <TextField
          path="adjust-points"
          label={t("adjustPoints")}
          value={form.points}
          error={form.errors.points && t(form.errors.points)}
          onInput={(value) => editAdjustment("points", value)}
        />
        <TextField
          path="adjust-reason"
          label={t("reason")}
          value={form.reason}
          error={form.errors.reason && t(form.errors.reason)}
          onInput={(value) => editAdjustment("reason", value)}
        />
      </div>
      <button type="submit" class="primary" disabled={form.busy}>
        {t("adjustSubmit")}
      </button>
    </form>
  );
}

/** What a ledger line is about: the order (its channel and multiplier), the reward, or the marketer's reason. */
function entryDetail(entry: ConsoleLedgerEntry, t: Translate, locale: string, currency: string) {
  if (entry.order)
    return t("orderDetail", {
      id: entry.orderId ?? "",
      channel: t(entry.order.channel),
      subtotal: formatMoney(entry.order.subtotal, currency, locale),
      multiplier: formatNumber(entry.order.multiplier, locale),
    });
  return entry.reason ?? entry.rewardId ?? entry.orderId ?? "";
}

function Ledger() {
  const t = useStore($t);
  const locale = useStore($locale);
  const session = useStore($session);
  const customer = useStore($customer);
  if (!customer) return null;
  const currency = session?.shop?.currency ?? "EUR";
  return (
    <section aria-labelledby="ledger-title">
      <h3 id="ledger-title">{t("ledger")}</h3>
      {customer.ledger.entries.length === 0 ? (
        <p>{t("noEntries")}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col" class="number">
                  {t("points")}
                </th>
                <th scope="col">{t("detail")}</th>
              </tr>
            </thead>
            <tbody>
              {customer.ledger.entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    {formatDate(entry.occurredAt, locale)}
                    {entry.occurredAt !== entry.recordedAt && (
                      <span class="hint block">{t("recordedAt", { when: formatDate(entry.recordedAt, locale) })}</span>
                    )}
                  </td>
                  <td>{t(`entry_${entry.kind}`)}</td>
                  <td class="number">
                    {formatNumber(entry.points, locale)}
                    {entry.pendingUntil && (
                      <span class="hint block">{t("pendingUntil", { when: formatDate(entry.pendingUntil, locale, "date") })}</span>
                    )}
                  </td>
                  <td>{entryDetail(entry, t, locale, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {customer.ledger.nextCursor && (
        <button type="button" onClick={() => void loadOlderEntries()}>
          {t("olderEntries")}
        </button>
      )}
    </section>
  );
}

/** The erasure's confirmation, its button focused so that a keyboard user lands on it. */
function ConfirmErasure({ id }: { id: string }) {
  const t = useStore($t);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <section class="confirm" aria-labelledby="erase-title">
      <h3 id="erase-title">{t("erase")}</h3>
      <p>{t("eraseConfirm", { id })}</p>
      <div class="actions">
        <button type="button" class="danger" ref={button} onClick={() => void eraseCustomer()}>
          {t("eraseConfirmButton", { id })}
        </button>
        <button type="button" onClick={() => $confirmingErasure.set(false)}>
          {t("cancel")}
        </button>
      </div>
    </section>
  );
}

/** One customer: balance, tier, adjustments, ledger, referrals, export and erasure (the last three for editors and owners). */
export function CustomerCard() {
  const t = useStore($t);
  const locale = useStore($locale);
  const customer = useStore($customer);
  const can = useStore($can);
  const confirming = useStore($confirmingErasure);
  if (!customer) return null;
  const { details } = customer;
  const tierName = details.tier ? (details.tier.name[locale] ?? Object.values(details.tier.name)[0] ?? details.tier.id) : t("none");
  return (
    <section class="customer" aria-labelledby="customer-title">
      <h2 id="customer-title">{details.name ?? details.id}</h2>
      <dl class="facts">
        <dt>{t("id")}</dt>
        <dd>{details.id}</dd>
        <dt>{t("email")}</dt>
        <dd>{details.email ?? "—"}</dd>
        <dt>{t("balance")}</dt>
        <dd>
          {formatNumber(details.balance, locale)}
          {details.pending > 0 && <span class="hint"> · {t("pendingPoints", { count: details.pending })}</span>}
          {details.expiresAt && <span class="hint"> · {t("expiresOn", { when: formatDate(details.expiresAt, locale, "date") })}</span>}
        </dd>
        <dt>{t("tier")}</dt>
        <dd>{t("tierPoints", { tier: tierName, points: formatNumber(details.tierPoints, locale) })}</dd>
        <dt>{t("marketingConsent")}</dt>
        <dd>{details.marketingConsent ? t("yes") : t("no")}</dd>
        <dt>{t("memberSince")}</dt>
        <dd>{formatDate(details.createdAt, locale, "date")}</dd>
      </dl>
      {can("editor") && <AdjustmentForm />}
      <Ledger />
      <h3>{t("referrals")}</h3>
      <p>{t("referralVisits", { count: customer.referralVisits })}</p>
      {customer.referrals.length > 0 && (
        <ul>
          {customer.referrals.map((referral) => (
            <li key={`${referral.createdAt}-${referral.otherCustomerId}`}>
              {formatDate(referral.createdAt, locale)} ·{" "}
              {t(referral.role === "referrer" ? "referredFriend" : "referredBy", { id: referral.otherCustomerId })} ·{" "}
              {t(`referral_${referral.status}` as "referral_credited")}
              {referral.reason ? ` (${referral.reason})` : ""}
            </li>
          ))}
        </ul>
      )}
      {can("editor") && (
        <div class="actions">
          <a class="button" href={api.exportUrl(details.id)} download>
            {t("exportData")}
          </a>
          {!confirming && (
            <button type="button" class="danger" onClick={() => $confirmingErasure.set(true)}>
              {t("erase")}
            </button>
          )}
        </div>
      )}
      {confirming && <ConfirmErasure id={details.id} />}
    </section>
  );
}
