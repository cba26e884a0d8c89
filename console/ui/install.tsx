import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import { formatAgo, formatDate, formatNumber } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import {
  $checklist,
  $install,
  $installError,
  $originsError,
  $originsSaved,
  $originsText,
  $overlapHours,
  $rotated,
  allowOrigin,
  loadInstall,
  rotate,
  saveOrigins,
} from "../stores/install.ts";
import { $can } from "../stores/session.ts";
import { CopyButton, Field, Status, TextField } from "./fields.tsx";

/** Whether the shop's site loads the widget, and whether orders arrive: each item done or what to do about it. */
function Checklist() {
  const t = useStore($t);
  const locale = useStore($locale);
  const checklist = useStore($checklist);
  const install = useStore($install);
  const can = useStore($can);
  if (!checklist || !install) return null;
  const allowed = checklist.widgetSeen.filter((seen) => seen.allowed);
  const refused = checklist.widgetSeen.filter((seen) => !seen.allowed);
  const item = (done: boolean, title: string, children: preact.ComponentChildren) => (
    <li class={done ? "done" : "todo"}>
      <span class="check" aria-hidden="true">
        {done ? "✓" : "!"}
      </span>
      <div>
        <strong>
          <span class="visually-hidden">{done ? t("checkDone") : t("checkTodo")}: </span>
          {title}
        </strong>
        {children}
      </div>
    </li>
  );
  return (
    <section aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t("checklist")}</h2>
      <ul class="checklist">
        {item(install.allowedOrigins.length > 0, t("checkOrigins"), <p>{t("checkOriginsText", { count: install.allowedOrigins.length })}</p>)}
        {item(
          allowed.length > 0,
          t("checkWidget"),
          <>
            {checklist.widgetSeen.length === 0 && <p>{t("checkWidgetNone")}</p>}
            <ul>
              {allowed.map((seen) => (
                <li key={seen.origin}>{t("seenOn", { origin: seen.origin, when: formatAgo(seen.lastSeenAt, locale) })}</li>
              ))}
              {refused.map((seen) => (
                <li key={seen.origin}>
                  {t("seenRefused", { origin: seen.origin, when: formatAgo(seen.lastSeenAt, locale) })}{" "}
                  {can("owner") && (
                    <button type="button" class="link" onClick={() => void allowOrigin(seen.origin)}>
                      {t("allowThisOrigin", { origin: seen.origin })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </>,
        )}
        {item(
          checklist.ordersLastDay > 0,
          t("checkOrders"),
          <p>
            {checklist.latestOrder
              ? t("latestOrder", {
                  when: formatDate(checklist.latestOrder.placedAt, locale),
                  ago: formatAgo(checklist.latestOrder.placedAt, locale),
                  count: formatNumber(checklist.ordersLastDay, locale),
                })
              : t("noOrders")}
          </p>,
        )}
      </ul>
    </section>
  );
}

function Keys() {
  const t = useStore($t);
  const locale = useStore($locale);
  const install = useStore($install);
  const hours = useStore($overlapHours);
  const rotated = useStore($rotated);
  if (!install) return null;
  return (
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
        <div class="secret" role="status">
          <p>{t(rotated.key, { until: formatDate(rotated.until, locale) })}</p>
          <code>{rotated.value}</code> <CopyButton text={rotated.value} label={t("copy")} t={t} />
        </div>
      )}
    </section>
  );
}

export function InstallPage() {
  const t = useStore($t);
  const install = useStore($install);
  const origins = useStore($originsText);
  const originsError = useStore($originsError);
  const originsSaved = useStore($originsSaved);
  const error = useStore($installError);
  const can = useStore($can);
  useEffect(() => void loadInstall(), []);
  if (!install) return <p>{t("loading")}</p>;
  return (
    <div class="install">
      <h1>{t("navInstall")}</h1>
      <Checklist />
      <section aria-labelledby="snippet-title">
        <h2 id="snippet-title">{t("snippet")}</h2>
        <pre class="snippet">
          <code>{install.snippet}</code>
        </pre>
        <p class="hint">{t("snippetHint")}</p>
        <CopyButton text={install.snippet} label={t("copySnippet")} t={t} />
        <dl class="facts">
          <dt>{t("shopId")}</dt>
          <dd>
            <code>{install.shopId}</code> <CopyButton text={install.shopId} label={t("copyShopId")} t={t} />
          </dd>
          <dt>{t("endpoint")}</dt>
          <dd>
            <code>{install.endpoint}</code> <CopyButton text={install.endpoint} label={t("copyEndpoint")} t={t} />
          </dd>
        </dl>
      </section>
      <section aria-labelledby="origins-title">
        <h2 id="origins-title">{t("allowedOriginsTitle")}</h2>
        <Field path="origins" label={t("allowedOrigins")} hint={t("originsHint")} error={originsError ?? undefined}>
          {(aria) => (
            <textarea {...aria} rows={4} readOnly={!can("owner")} value={origins} onInput={(event) => $originsText.set(event.currentTarget.value)} />
          )}
        </Field>
        {can("owner") && (
          <button type="button" class="primary" onClick={() => void saveOrigins()}>
            {t("saveOrigins")}
          </button>
        )}
        <Status tone="ok" message={originsSaved ? t("originsSaved") : null} />
      </section>
      {can("owner") ? <Keys /> : <p class="hint">{t("keysOwnerOnly")}</p>}
      <Status tone="error" message={error} />
    </div>
  );
}
