import type { Words } from "../i18n/index.ts";
import { copy } from "../stores/referral.ts";

/** A discount code, selectable, with a copy button. */
export function Code({ code, words, copied }: { code: string; words: Words; copied: boolean }) {
  return (
    <p class="w">
      <output part="reward-code">{code}</output>
      <button type="button" onClick={() => copy(code, "code")}>
        {copied ? words.t("copied") : words.t("copy")}
      </button>
    </p>
  );
}
