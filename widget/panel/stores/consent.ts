import { schemas } from "../../schema/panel.ts";
import type { ApiError, PanelHost } from "../../seam.ts";
import { post } from "../api.ts";

/** The consent switch's request: what was asked while it is in flight, why it failed, or null once the boot answer says. */
export type ConsentRequest = { asked?: boolean; error?: ApiError } | null;

/**
 * The member's consent to reminders and marketing (contract 7.4): `PUT consent` (saying the same again changes nothing), then
 * the boot answer again, whose `marketingConsent` the switch shows; while the request is in flight it shows what was asked.
 */
export function createConsent(host: PanelHost) {
  const $consent = host.store<ConsentRequest>(null);
  return {
    $consent,
    async set(marketing: boolean) {
      if ($consent.get()?.asked !== undefined) return;
      $consent.set({ asked: marketing });
      const result = await post(host, "consent", { marketing }, {}, "PUT");
      const error = result.ok
        ? host.check(schemas.ConsentState, result.data)
          ? null
          : { code: "internal_error", message: "bad response" }
        : result.error;
      if (error) host.emit("error", error);
      await host.reload();
      $consent.set(error && { error });
    },
    reset: () => $consent.set(null),
  };
}
