import { useStore } from "@nanostores/preact";
import { api } from "../api.ts";
import { formatDate, formatNumber } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import {
  $adjustment,
  $customer,
  $customerNotice,
  $customerQuery,
  $customerResults,
  editAdjustment,
  eraseCustomer,
  openCustomer,
  searchCustomers,
  submitAdjustment,
} from "../stores/customers.ts";
import { Status, TextField } from "./fields.tsx";

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
      <button type="submit" class="primary" disabled={form.busy}>
        {t("adjustSubmit")}
      </button>
    </form>
  );
}

function CustomerCard() {
  const t = useStore($t);
  const locale = useStore($locale);
  const customer = useStore($customer);
  if (!customer) return null;
  const { details } = customer;
  return (
    <section class="customer" aria-labelledby="customer-title">
      <h2 id="customer-title">{details.name ?? details.id}</h2>
      <dl class="facts">
        <dt>{t("id")}</dt>
        <dd>{details.id}</dd>
        <dt>{t("email")}</dt>
        <dd>{details.email ?? "—"}</dd>
        <dt>{t("balance")}</dt>
        <dd>{formatNumber(details.balance, locale)}</dd>
        <dt>{t("tier")}</dt>
        <dd>{details.tier?.id ?? t("none")}</dd>
      </dl>
      <AdjustmentForm />
      <h3>{t("ledger")}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("date")}</th>
            <th scope="col">{t("kind")}</th>
            <th scope="col">{t("points")}</th>
            <th scope="col">{t("reason")}</th>
          </tr>
        </thead>
        <tbody>
          {details.ledger.map((entry) => (
            <tr key={entry.id}>
              <td>{formatDate(entry.createdAt, locale)}</td>
              <td>{entry.kind}</td>
              <td class="number">{formatNumber(entry.points, locale)}</td>
              <td>{entry.reason ?? entry.orderId ?? entry.rewardId ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("referrals")}</h3>
      <p>{t("referralVisits", { count: customer.referralVisits })}</p>
      <ul>
        {customer.referrals.map((referral) => (
          <li key={`${referral.createdAt}-${referral.otherCustomerId}`}>
            {formatDate(referral.createdAt, locale)} · {referral.role} · {referral.otherCustomerId} · {referral.status}
            {referral.reason ? ` (${referral.reason})` : ""}
          </li>
        ))}
      </ul>
      <div class="actions">
        <a class="button" href={api.exportUrl(details.id)} download>
          {t("exportData")}
        </a>
        <button type="button" class="danger" onClick={() => confirm(t("eraseConfirm", { id: details.id })) && void eraseCustomer()}>
          {t("erase")}
        </button>
      </div>
    </section>
  );
}

export function CustomersPage() {
  const t = useStore($t);
  const query = useStore($customerQuery);
  const results = useStore($customerResults);
  const notice = useStore($customerNotice);
  return (
    <div class="customers">
      <h1>{t("navCustomers")}</h1>
      <form
        class="search"
        onSubmit={(event) => {
          event.preventDefault();
          void searchCustomers();
        }}
      >
        <TextField path="customer-search" label={t("searchCustomers")} value={query} onInput={(value) => $customerQuery.set(value)} />
        <button type="submit" class="primary">
          {t("search")}
        </button>
      </form>
      {results && results.length === 0 && <p>{t("noCustomers")}</p>}
      {results && results.length > 1 && (
        <ul class="results">
          {results.map((customer) => (
            <li key={customer.id}>
              <button type="button" class="link" onClick={() => void openCustomer(customer.id)}>
                {customer.id} {customer.email ? `· ${customer.email}` : ""}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Status
        tone={notice && "error" in notice ? "error" : "ok"}
        message={notice ? ("error" in notice ? notice.error : t(notice.key, notice.values)) : null}
      />
      <CustomerCard />
    </div>
  );
}
