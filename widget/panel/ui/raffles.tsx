/** @jsxImportSource widget-dom */
import type { WidgetRaffle } from "../../../contract/engagement.ts";
import { schemas } from "../../schema/panel.ts";
import type { View } from "../view.ts";
import { Button, Problem } from "./bits.tsx";
import { Icon } from "./icons.tsx";

/**
 * One raffle: what it is, its prize and entries, and where it stands (in the endpoint's words); for members, their
 * entries, "enter" (one entry a press, while the raffle's limit and their points allow), and how it ended for them.
 */
function RaffleCard({ view, raffle }: { view: View; raffle: WidgetRaffle }) {
  const { customer, words, stores, sent, balance } = view;
  const { t, text } = words;
  const mine = customer?.raffles?.find((item) => item.raffleId === raffle.id);
  const entries = mine?.entryIds.length ?? 0;
  const max = raffle.maxEntriesPerCustomer;
  const what = `raffle:${raffle.id}`;
  const state = sent[what];
  return (
    <li part="raffle" class={mine?.won ? "reward affordable" : "reward"}>
      <div class="reward-main">
        <span class="disc">
          <Icon name="gift" />
        </span>
        <span class="row-text">
          <b>{text(raffle.title)}</b>
          <span>{raffle.terms}</span>
          <span class="muted">{raffle.when}</span>
        </span>
      </div>
      {entries > 0 && <p>{t("raffle.mine", { count: entries, max })}</p>}
      {raffle.status === "drawn" && entries > 0 && <p class="lead">{t(mine?.won ? "raffle.won" : "raffle.lost")}</p>}
      <Problem view={view} error={state?.error} />
      {customer &&
        raffle.status === "open" &&
        entries < max &&
        (balance >= raffle.entryCost ? (
          <p class="reward-foot">
            <Button
              part="raffle-enter"
              class="button"
              disabled={state?.busy}
              onClick={() => stores.sent.send(what, `raffles/${encodeURIComponent(raffle.id)}/entries`, { count: 1 }, schemas.RaffleEntryResult)}
            >
              {t(state?.busy ? "raffle.busy" : entries ? "raffle.again" : "raffle.enter")}
            </Button>
          </p>
        ) : (
          <p class="muted">{t("raffle.short", { points: raffle.entryCost - balance })}</p>
        ))}
    </li>
  );
}

/**
 * The program's raffles ("sorteos", contract 7.4), below the rewards: open ones to enter with points, upcoming ones, and how
 * the latest ended.
 */
export function Raffles(view: View) {
  const { raffles } = view.boot;
  return (
    raffles && (
      <section class="section" aria-labelledby="loyalty-raffles">
        <h3 id="loyalty-raffles">{view.words.t("raffle.heading")}</h3>
        <ul class="stack">
          {raffles.map((raffle) => (
            <RaffleCard view={view} raffle={raffle} />
          ))}
        </ul>
      </section>
    )
  );
}
