import { useStore } from "@nanostores/preact";
import { useEffect, useState } from "preact/hooks";
import { formatDate } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import {
  $install,
  $installError,
  $originsError,
  $originsText,
  $overlapHours,
  $rotated,
  loadInstall,
  rotate,
  saveOrigins,
} from "../stores/install.ts";
import { Field, Status, TextField } from "./fields.tsx";

export function InstallPage() {
  const t = useStore($t);
  const locale = useStore($locale);
  const install = useStore($install);
  const origins = useStore($originsText);
  const originsError = useStore($originsError);
  const hours = useStore($overlapHours);
  const rotated = useStore($rotated);
  const error = useStore($installError);
  const [copied, setCopied] = useState(false);
  useEffect(() => void loadInstall(), []);
  if (!install) return <p>{t("loading")}</p>;
  return (
    <div class="install">
      <h1>{t("navInstall")}</h1>
      <section aria-labelledby="snippet-title">
        <h2 id="snippet-title">{t("snippet")}</h2>
        <pre class="snippet">
          <code>{install.snippet}</code>
        </pre>
        <p class="hint">{t("snippetHint")}</p>
        <button type="button" onClick={() => void navigator.clipboard.writeText(install.snippet).then(() => setCopied(true))}>
          {copied ? t("copied") : t("copy")}
        </button>
      </section>
      <section aria-labelledby="origins-title">
        <h2 id="origins-title">{t("allowedOrigins")}</h2>
        <Field path="origins" label={t("allowedOrigins")} error={originsError ?? undefined}>
          {(aria) => <textarea {...aria} rows={4} value={origins} onInput={(event) => $originsText.set(event.currentTarget.value)} />}
        </Field>
        <button type="button" class="primary" onClick={() => void saveOrigins()}>
          {t("saveOrigins")}
        </button>
      </section>
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">{t("keys")}</h2>
        <TextField path="overlap" label={t("overlapHours")} value={hours} onInput={(value) => $overlapHours.set(value)} />
        <p>{t("retiring", { count: install.retiringSecretKeys.length + install.signingSecrets.retiring.length })}</p>
        <div class="actions">
          <button type="button" onClick={() => confirm(t("rotateConfirm", { hours })) && void rotate("secretKey")}>
            {t("rotateSecretKey")}
          </button>
          <button type="button" onClick={() => confirm(t("rotateConfirm", { hours })) && void rotate("signingSecret")}>
            {t("rotateSigningSecret")}
          </button>
        </div>
        {rotated && (
          <p class="secret" role="status">
            {t(rotated.key, { value: rotated.value, until: formatDate(rotated.until, locale) })}
          </p>
        )}
        <Status tone="error" message={error} />
      </section>
    </div>
  );
}
