import { computed } from "nanostores";
import { $activity } from "./activity.ts";
import { $now } from "./clock.ts";
import { $panel } from "./panel.ts";
import { $payload } from "./payload.ts";
import { $redeem } from "./redeem.ts";
import { $copied, $referralLink, $welcome } from "./referral.ts";
import { $theme, $words } from "./theme.ts";

/** Everything the UI renders, in one value (null until the payload arrives): components get it as props and only render. */
export const $view = computed(
  [$payload, $theme, $words, $panel, $redeem, $welcome, $copied, $activity, $now, $referralLink],
  (payload, theme, words, panel, redeem, welcome, copied, activity, now, referralLink) =>
    payload &&
    theme &&
    words && {
      payload,
      theme,
      words,
      panel,
      redeem,
      welcome,
      copied,
      activity,
      now,
      referralLink,
    },
);
export type View = NonNullable<ReturnType<typeof $view.get>>;
