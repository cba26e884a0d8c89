import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import { $locale, $t } from "../i18n/index.ts";
import {
  $customer,
  $customerList,
  $customerNotice,
  $customerQuery,
  $searchText,
  type CustomerSort,
  closeCustomer,
  loadCustomers,
  openCustomer,
  searchCustomers,
  sortCustomers,
  turnPage,
} from "../stores/customers.ts";
import { formatDate, formatNumber } from "../format.ts";
import { CustomerCard } from "./customer-card.tsx";
import { SelectField, Status, TextField } from "./fields.tsx";

const sorts: CustomerSort[] = ["recent", "points", "tier"];

/** The shop's customers a page at a time, or those a search finds. */
function CustomerTable() {
  const t = useStore($t);
  const locale = useStore($locale);
  const list = useStore($customerList);
  const query = useStore($customerQuery);
  if (!list) return <p>{t("loading")}</p>;
  if (!list.customers.length) return <p>{query.q ? t("noCustomers") : t("noCustomersYet")}</p>;
  return (
    <>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">{query.q ? t("searchResults", { q: query.q }) : t(`sort_${query.sort}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t("customer")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col" class="number">
                {t("balance")}
              </th>
              <th scope="col">{t("tier")}</th>
              <th scope="col">{t("memberSince")}</th>
            </tr>
          </thead>
          <tbody>
            {list.customers.map((customer) => (
              <tr key={customer.id}>
                <th scope="row">
                  <button type="button" class="link" onClick={() => void openCustomer(customer.id)}>
                    {customer.name ?? customer.id}
                  </button>
                  {customer.name && <span class="hint block">{customer.id}</span>}
                </th>
                <td>{customer.email ?? "—"}</td>
                <td class="number">{formatNumber(customer.balance, locale)}</td>
                <td>{customer.tier ? (customer.tier.name[locale] ?? Object.values(customer.tier.name)[0] ?? customer.tier.id) : t("none")}</td>
                <td>{formatDate(customer.joinedAt, locale, "date")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!query.q && (
        <nav class="pager" aria-label={t("pages")}>
          <button type="button" disabled={list.page <= 1} onClick={() => void turnPage(list.page - 1)}>
            {t("previousPage")}
          </button>
          <span>{t("pageNumber", { page: list.page })}</span>
          <button type="button" disabled={!list.hasMore} onClick={() => void turnPage(list.page + 1)}>
            {t("nextPage")}
          </button>
        </nav>
      )}
    </>
  );
}

export function CustomersPage() {
  const t = useStore($t);
  const text = useStore($searchText);
  const query = useStore($customerQuery);
  const customer = useStore($customer);
  const notice = useStore($customerNotice);
  useEffect(() => {
    if (!$customerList.get()) void loadCustomers();
  }, []);
  return (
    <div class="customers">
      <h1>{t("navCustomers")}</h1>
      <Status
        tone={notice && "error" in notice ? "error" : "ok"}
        message={notice ? ("error" in notice ? notice.error : t(notice.key, notice.values)) : null}
      />
      {customer ? (
        <>
          <button type="button" class="back" onClick={closeCustomer}>
            {t("backToList")}
          </button>
          <CustomerCard />
        </>
      ) : (
        <>
          <div class="list-controls">
            <form
              class="search"
              onSubmit={(event) => {
                event.preventDefault();
                void searchCustomers();
              }}
            >
              <TextField path="customer-search" label={t("searchCustomers")} value={text} onInput={(value) => $searchText.set(value)} />
              <button type="submit" class="primary">
                {t("search")}
              </button>
            </form>
            <SelectField
              path="customer-sort"
              label={t("sortBy")}
              value={query.q ? "" : query.sort}
              options={[
                ...(query.q ? [["", t("searchResults", { q: query.q })] as [string, string]] : []),
                ...sorts.map((sort) => [sort, t(`sort_${sort}`)] as [string, string]),
              ]}
              onChange={(value) => void sortCustomers(value as CustomerSort)}
            />
          </div>
          <CustomerTable />
        </>
      )}
    </div>
  );
}
