import { useWords } from "../i18n/index.ts";
import { $activity } from "./activity.ts";
import { $panel } from "./panel.ts";
import { $payload, serverNow } from "./payload.ts";
import { $redeem } from "./redeem.ts";
import { $copied, $welcome, referralLink } from "./referral.ts";
import { $setup } from "./setup.ts";
import { themeOf } from "./theme.ts";

/** The stores the view is made of: the mount draws again whenever one changes (a new setup always brings a new payload). */
export const viewStores = [$payload, $panel, $redeem, $welcome, $copied, $activity];

// Derived values are plain functions of the stores rather than `computed` stores: they are cheap, and `computed` costs about 600 bytes.
/** Everything the UI renders, in one value (null until the payload arrives): components get it as props and only render. */
export function currentView() {
  const payload = $payload.get();
  if (!payload) return null;
  const theme = themeOf(payload, $setup.get());
  return {
    payload,
    theme,
    locale: useWords(payload, theme),
    panel: $panel.get(),
    redeem: $redeem.get(),
    welcome: $welcome.get(),
    copied: $copied.get(),
    activity: $activity.get(),
    /** The server's time, for the campaign countdown. */
    now: serverNow(),
    referralLink: referralLink(payload),
  };
}
export type View = NonNullable<ReturnType<typeof currentView>>;
