import { mount } from "./mount.tsx";
import { resetActivity } from "./stores/activity.ts";
import { clearListeners, emit } from "./stores/events.ts";
import { $panel, followHash } from "./stores/panel.ts";
import { $payload, cancelPayload, loadPayload } from "./stores/payload.ts";
import { $redeem } from "./stores/redeem.ts";
import { $copied, $welcome, welcomeFriend } from "./stores/referral.ts";

export interface Widget {
  /** Loads the payload again for a new token (identify/logout). */
  reload(): void;
  /** Removes every node, listener and timer the widget added. */
  destroy(): void;
}

/** Starts the one boot request at once and draws when both the payload and <body> are there. */
export function start(): Widget {
  let unmount: (() => void) | undefined;
  const draw = () => {
    unmount ??= mount();
  };
  const whenBodyReady = () => (document.body ? draw() : document.addEventListener("DOMContentLoaded", draw, { once: true }));
  const reset = () => {
    $redeem.set(null);
    $copied.set(null);
    resetActivity();
  };
  const unlisten = $panel.listen(() => $copied.set(null));

  loadPayload().then(async (ok) => {
    if (!ok) return;
    whenBodyReady();
    emit("ready", { member: $payload.get()?.customer !== null });
    followHash();
    if ($payload.get()?.program.referral && (await welcomeFriend(location.search))) $panel.set({ open: true, section: "home" });
  });
  addEventListener("hashchange", followHash);

  return {
    reload() {
      reset();
      loadPayload().then((ok) => ok && whenBodyReady());
    },
    destroy() {
      cancelPayload();
      unlisten();
      removeEventListener("hashchange", followHash);
      document.removeEventListener("DOMContentLoaded", draw);
      unmount?.();
      clearListeners();
      reset();
      $payload.set(null);
      $welcome.set(null);
      $panel.set({ open: false, section: "home" });
    },
  };
}
