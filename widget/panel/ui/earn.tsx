/** @jsxImportSource widget-dom */
import type { ActionKind } from "../../../contract/program.ts";
import type { View } from "../view.ts";
import { Icon, type IconName } from "./icons.tsx";

/** A birthday is a gift; every other action earns stars. */
const actionIcon = (kind: ActionKind): IconName => (kind === "birthday" ? "gift" : "star");

interface WayProps {
  icon: IconName;
  title: string;
  detail?: string;
  gives?: string;
  part?: string;
}

/** One way to earn (or a tier): an icon, what to do, its detail and what it gives. */
const Way = ({ icon, title, detail, gives, part = "earn-action" }: WayProps) => (
  <li part={part} class="row">
    <span class="disc">
      <Icon name={icon} />
    </span>
    <span class="row-text">
      <b>{title}</b>
      {detail && <span class="muted">{detail}</span>}
    </span>
    {gives && <span class="pill">{gives}</span>}
  </li>
);

/** Every way to earn with its points: buying (online and in store), bonus campaigns, inviting, the program's actions; then the tiers. */
export function Earn(view: View) {
  const { program, boot, words, format } = view;
  if (!program) return null;
  const { t, text } = words;
  const campaigns = [boot.campaigns.active, boot.campaigns.next].filter((campaign) => campaign !== null);
  return (
    <>
      <h3>{t("earn.heading")}</h3>
      <ul class="stack">
        <Way
          icon="bag"
          title={t("earn.purchase")}
          detail={[
            t("earn.perAmount", { points: program.pointsPerUnit, amount: format.money(1) }),
            program.channels.includes("store") && t("earn.store"),
          ]
            .filter(Boolean)
            .join(". ")}
        />
        {campaigns.map((campaign) => (
          <Way
            icon="clock"
            title={text(campaign.name)}
            detail={format.schedule(campaign)}
            gives={t("campaign.multiplier", { multiplier: campaign.multiplier })}
          />
        ))}
        {program.referral && (
          <Way
            icon="users"
            title={t("earn.referral")}
            detail={t("earn.referralDetail")}
            gives={t("earn.points", { points: program.referral.referrerPoints })}
          />
        )}
        {program.actions?.map((action) => (
          <Way
            icon={actionIcon(action.kind)}
            title={text(action.title) || t(`action.${action.kind}`)}
            detail={action.limit && t(`limit.${action.limit.per}`, { count: action.limit.count })}
            gives={t("earn.points", { points: action.points })}
          />
        ))}
      </ul>
      {program.tiers.length > 0 && (
        <section class="section" aria-labelledby="loyalty-tiers">
          <h3 id="loyalty-tiers">{t("earn.tiers")}</h3>
          <p class="muted">{t("earn.tiersNote", { count: program.tierWindowDays })}</p>
          <ul class="stack">
            {program.tiers.map((tier) => (
              <Way
                part="tier"
                icon="star"
                title={text(tier.name)}
                detail={t("earn.tierFrom", { points: tier.threshold })}
                gives={tier.multiplier > 1 ? t("campaign.multiplier", { multiplier: tier.multiplier }) : undefined}
              />
            ))}
          </ul>
        </section>
      )}
      {program.links.terms && (
        <p>
          <a href={program.links.terms}>{t("earn.terms")}</a>
        </p>
      )}
    </>
  );
}
