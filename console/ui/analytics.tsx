import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import { formatDay, formatMoney, formatNumber, formatPercent } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $analytics, $analyticsDays, $analyticsError, loadAnalytics } from "../stores/analytics.ts";
import { BarChart, HorizontalBars, LineChart } from "./charts.tsx";
import { SelectField, Status } from "./fields.tsx";

/** The headline figures, each with how it is computed, or why it cannot be. */
function Headline() {
  const t = useStore($t);
  const locale = useStore($locale);
  const data = useStore($analytics);
  if (!data) return null;
  const { headline, repeatPurchase, currency } = data;
  const money = (amount: string) => formatMoney(amount, currency, locale);
  const figure = (label: string, value: string, note: string) => (
    <div class="kpi" key={label}>
      <dt>{label}</dt>
      <dd>
        <strong>{value}</strong>
        <span class="hint block">{note}</span>
      </dd>
    </div>
  );
  return (
    <dl class="kpis">
      {figure(t("members"), formatNumber(headline.members, locale), t("membersNote"))}
      {figure(
        t("pointsOutstanding"),
        formatNumber(headline.pointsOutstanding, locale),
        headline.liability
          ? t("liabilityNote", {
              amount: money(headline.liability.amount),
              reward: money(headline.liability.basis.amount),
              cost: formatNumber(headline.liability.basis.cost, locale),
            })
          : t("liabilityUnknown"),
      )}
      {figure(t("redemptionRate"), formatPercent(data.redemptionRate, locale), t("redemptionNote"))}
      {figure(
        t("memberRepeatRate"),
        formatPercent(repeatPurchase.members.rate, locale),
        t("repeatDetail", {
          repeat: formatNumber(repeatPurchase.members.repeatBuyers, locale),
          buyers: formatNumber(repeatPurchase.members.buyers, locale),
        }),
      )}
      {figure(t("memberRevenue"), money(headline.memberRevenue), t("memberRevenueNote"))}
      {figure(t("nonMemberFigures"), t("notAvailable"), t("nonMembersUnknown"))}
    </dl>
  );
}

export function AnalyticsPage() {
  const t = useStore($t);
  const locale = useStore($locale);
  const data = useStore($analytics);
  const days = useStore($analyticsDays);
  const error = useStore($analyticsError);
  useEffect(() => void loadAnalytics(), []);
  const dayLabels = data?.days.map((day) => ({ raw: day.date, shown: formatDay(day.date, locale) })) ?? [];
  const money = (value: number) => (data ? formatMoney(String(value), data.currency, locale) : String(value));
  return (
    <div class="analytics">
      <h1>{t("navAnalytics")}</h1>
      <SelectField
        path="analytics-days"
        label={t("window")}
        value={String(days)}
        options={[7, 30, 90, 365].map((n) => [String(n), t("lastDays", { count: n })])}
        onChange={(value) => void loadAnalytics(Number(value))}
      />
      <Status tone="error" message={error} />
      {data && (
        <>
          <p class="hint">{t("analyticsNote", { timeZone: data.timeZone })}</p>
          <Headline />
          <LineChart
            title={t("membersOverTime")}
            file="members"
            labelHeading={t("weekOf")}
            labels={data.weeks.map((week) => ({ raw: week.start, shown: formatDay(week.start, locale) }))}
            series={[
              { label: t("members"), className: "series-1", values: data.weeks.map((week) => week.members) },
              { label: t("activeMembers"), className: "series-3", values: data.weeks.map((week) => week.activeMembers) },
            ]}
          />
          <BarChart
            title={t("pointsPerDay")}
            file="points"
            labelHeading={t("date")}
            labels={dayLabels}
            series={[
              { label: t("earned"), className: "series-1", values: data.days.map((day) => day.pointsEarned) },
              { label: t("redeemed"), className: "series-2", values: data.days.map((day) => day.pointsRedeemed) },
            ]}
          />
          <BarChart
            title={t("ordersByChannel")}
            file="orders"
            labelHeading={t("date")}
            labels={dayLabels}
            series={[
              { label: t("online"), className: "series-3", values: data.days.map((day) => day.onlineOrders) },
              { label: t("store"), className: "series-4", values: data.days.map((day) => day.storeOrders) },
            ]}
          />
          <BarChart
            title={t("revenuePerDay")}
            file="revenue"
            labelHeading={t("date")}
            labels={dayLabels}
            series={[{ label: t("memberRevenue"), className: "series-1", values: data.days.map((day) => Number(day.revenue)), format: money }]}
          />
          <HorizontalBars
            title={t("referralFunnel")}
            file="referrals"
            labelHeading={t("step")}
            labels={(["visits", "friendsOrdered", "rewardsGranted", "blocked"] as const).map((step) => ({ raw: step, shown: t(step) }))}
            series={[
              {
                label: t("count"),
                className: "series-1",
                values: [
                  data.referralFunnel.visits,
                  data.referralFunnel.friendsOrdered,
                  data.referralFunnel.rewardsGranted,
                  data.referralFunnel.blocked,
                ],
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
