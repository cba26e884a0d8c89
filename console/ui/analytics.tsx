import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import { formatNumber, formatPercent } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $analytics, $analyticsDays, $analyticsError, loadAnalytics } from "../stores/analytics.ts";
import { BarChart, HorizontalBars, LineChart } from "./charts.tsx";
import { SelectField, Status } from "./fields.tsx";

export function AnalyticsPage() {
  const t = useStore($t);
  const locale = useStore($locale);
  const data = useStore($analytics);
  const days = useStore($analyticsDays);
  const error = useStore($analyticsError);
  useEffect(() => void loadAnalytics(), []);
  const dates = data?.days.map((day) => day.date) ?? [];
  const table = t("dataTable");
  return (
    <div class="analytics">
      <h1>{t("navAnalytics")}</h1>
      <SelectField
        path="analytics-days"
        label={t("window")}
        value={String(days)}
        options={[7, 30, 90, 365].map((n) => [String(n), t("lastDays", { days: n })])}
        onChange={(value) => void loadAnalytics(Number(value))}
      />
      <Status tone="error" message={error} />
      {data && (
        <>
          <p class="kpi">
            {t("redemptionRate")}: <strong>{formatPercent(data.redemptionRate, locale)}</strong>
          </p>
          <LineChart
            title={t("membersOverTime")}
            tableLabel={table}
            labels={data.weeks.map((week) => week.start)}
            series={[
              { label: t("members"), className: "series-1", values: data.weeks.map((week) => week.members) },
              { label: t("activeMembers"), className: "series-2", values: data.weeks.map((week) => week.activeMembers) },
            ]}
          />
          <BarChart
            title={t("pointsPerDay")}
            tableLabel={table}
            labels={dates}
            series={[
              { label: t("earned"), className: "series-1", values: data.days.map((day) => day.pointsEarned) },
              { label: t("redeemed"), className: "series-2", values: data.days.map((day) => day.pointsRedeemed) },
            ]}
          />
          <BarChart
            title={t("ordersByChannel")}
            tableLabel={table}
            labels={dates}
            series={[
              { label: t("online"), className: "series-3", values: data.days.map((day) => day.onlineOrders) },
              { label: t("store"), className: "series-4", values: data.days.map((day) => day.storeOrders) },
            ]}
          />
          <HorizontalBars
            title={t("referralFunnel")}
            rows={[
              { label: t("visits"), value: data.referralFunnel.visits, text: formatNumber(data.referralFunnel.visits, locale) },
              {
                label: t("friendsOrdered"),
                value: data.referralFunnel.friendsOrdered,
                text: formatNumber(data.referralFunnel.friendsOrdered, locale),
              },
              {
                label: t("rewardsGranted"),
                value: data.referralFunnel.rewardsGranted,
                text: formatNumber(data.referralFunnel.rewardsGranted, locale),
              },
              { label: t("blocked"), value: data.referralFunnel.blocked, text: formatNumber(data.referralFunnel.blocked, locale) },
            ]}
          />
          <HorizontalBars
            title={t("repeatPurchase")}
            max={1}
            rows={[
              {
                label: t("members"),
                value: data.repeatPurchase.members.rate,
                text: `${formatPercent(data.repeatPurchase.members.rate, locale)} · ${t("repeatDetail", { repeat: data.repeatPurchase.members.repeatBuyers, buyers: data.repeatPurchase.members.buyers })}`,
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
