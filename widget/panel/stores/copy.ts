import type { PanelHost } from "../../seam.ts";

/**
 * Copying and handing codes to the shop: `$copied` says which value was copied last (for its button's "Copied"), `$applied`
 * which codes were sent to the cart.
 */
export function createCopy(host: PanelHost) {
  const $copied = host.store<string | null>(null);
  const $applied = host.store<string[]>([]);
  return {
    $copied,
    $applied,
    /** Copies `text`; `link` says it is the referral link (the page hears `referral-copied`). */
    async copy(text: string, link = false) {
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        return;
      }
      $copied.set(text);
      if (link) host.emit("referral-copied", { link: text });
    },
    /** Hands a wallet code to the shop's cart: `redeemed` again, marked as coming from the wallet. */
    apply(detail: { rewardId: string; code: string; expiresAt: string }) {
      host.emit("redeemed", { ...detail, fromWallet: true });
      $applied.set([...$applied.get(), detail.code]);
    },
    /** Opens the system share sheet where there is one. */
    share: (text: string, url: string) => navigator.share?.({ text, url }).catch(() => {}),
  };
}
