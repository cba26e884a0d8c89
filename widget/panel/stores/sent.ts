import type { Schema } from "../../schema/compact.ts";
import type { ApiError, PanelHost } from "../../seam.ts";
import { checked, post, unknownOutcome } from "../api.ts";

/** One of the member's own requests (the consent switch, a raffle entry): in flight, answered, or failed with why. */
export interface Sent {
  busy: boolean;
  /** The attempt's key: a retry after an unknown outcome reuses it, so a raffle entry is never bought twice. */
  key: string;
  /** What was asked (the consent switch shows it while in flight). */
  body: Record<string, unknown>;
  error?: ApiError;
}

/**
 * The member's requests of contract 7.4, by what they are about (`consent`, `raffle:<id>`): one in flight per thing, each
 * with an Idempotency-Key, its answer checked, then the boot answer again (the consent, the balance, the entries), and its
 * outcome on screen.
 */
export function createSent(host: PanelHost) {
  const $sent = host.store<Record<string, Sent>>({});
  const update = (what: string, sent: Sent) => $sent.set({ ...$sent.get(), [what]: sent });
  return {
    $sent,
    /** Sends `body` to `path` (POST, or `method`) with the member's token, and checks the answer with `schema`. */
    async send(what: string, path: string, body: Sent["body"], schema: Schema<unknown>, method?: string) {
      const previous = $sent.get()[what];
      if (previous?.busy) return;
      const key = previous?.error && unknownOutcome.includes(previous.error.code) ? previous.key : crypto.randomUUID();
      update(what, { busy: true, key, body });
      const result = checked(host, await post(host, path, body, { "Idempotency-Key": key }, method), schema);
      const error = result.ok ? undefined : result.error;
      if (error) host.emit("error", error);
      await host.reload();
      update(what, { busy: false, key, body, error });
    },
    /** Another shopper (identify, logout): nothing of the last one's stays. */
    reset: () => $sent.set({}),
  };
}
