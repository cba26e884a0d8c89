/** @jsxImportSource widget-dom */
import type { View } from "../view.ts";
import { Card } from "./bits.tsx";

/** The bonus window running now, with its rule and a live countdown; else the next one, with its rule. */
export function Campaign({ boot, words: { t, text }, format, now }: View) {
  const { active, next } = boot.campaigns;
  const running = active && Date.parse(active.endsAt) > now ? active : null;
  const shown = running ?? next;
  if (!shown) return null;
  return (
    <Card icon="clock" class={running ? "highlight" : ""}>
      <p class="lead">
        {text(shown.name)} · {t("campaign.multiplier", { multiplier: shown.multiplier })}
      </p>
      <p>{format.schedule(shown)}</p>
      <p class="muted">
        <b>{running ? t("campaign.endsIn", { time: format.timeLeft(running.endsAt, now) }) : t("campaign.next")}</b>
      </p>
    </Card>
  );
}
