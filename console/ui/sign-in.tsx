import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import { $t, type TextKey, hasText } from "../i18n/index.ts";
import { forgetLinkToken } from "../stores/route.ts";
import { $link, $session, $signInForm, acceptLink, chooseShop, editSignIn, openLink, signOut, submitSignIn } from "../stores/session.ts";
import { Status, TextField } from "./fields.tsx";

/** Email and password; the shops come after. */
export function SignIn() {
  const t = useStore($t);
  const form = useStore($signInForm);
  const error = (key: "email" | "password") => (form.errors[key] ? t(form.errors[key]) : undefined);
  return (
    <main id="content" class="sign-in">
      <h1>{t("signInTitle")}</h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submitSignIn();
        }}
      >
        <TextField
          path="email"
          label={t("email")}
          type="email"
          autocomplete="username"
          value={form.email}
          error={error("email")}
          onInput={(value) => editSignIn("email", value)}
        />
        <TextField
          path="password"
          label={t("password")}
          type="password"
          autocomplete="current-password"
          value={form.password}
          error={error("password")}
          onInput={(value) => editSignIn("password", value)}
        />
        <Status tone="error" message={form.failure ? t(form.failure) : null} />
        <button type="submit" class="primary" disabled={form.busy}>
          {t("signIn")}
        </button>
      </form>
      <p class="hint">{t("forgotPassword")}</p>
    </main>
  );
}

/** After signing in with several shops and none remembered: which one to work on. */
export function ShopPicker() {
  const t = useStore($t);
  const session = useStore($session);
  if (!session) return null;
  return (
    <main id="content" class="sign-in">
      <h1>{t("chooseShop")}</h1>
      {session.shops.length === 0 ? (
        <p>{t("noShops")}</p>
      ) : (
        <ul class="shop-list">
          {session.shops.map((shop) => (
            <li key={shop.id}>
              <button type="button" class="shop-choice" onClick={() => void chooseShop(shop.id)}>
                <strong>{shop.name}</strong> <span class="hint">{t(`role_${shop.role}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => void signOut()}>
        {t("signOut")}
      </button>
    </main>
  );
}

/** A one-time link: joining a shop (a new password, or the current one for an existing account) or setting a new password. */
export function LinkPage({ token }: { token: string }) {
  const t = useStore($t);
  const link = useStore($link);
  useEffect(() => void openLink(token), [token]);
  const info = link.info;
  const setting = info ? info.kind === "reset" || !info.accountExists : false;
  const failure = link.failure && (hasText(link.failure) ? t(link.failure as TextKey) : link.failure);
  return (
    <main id="content" class="sign-in">
      <h1>{info?.kind === "reset" ? t("resetTitle") : t("inviteTitle")}</h1>
      {!info && !failure && <p>{t("loading")}</p>}
      {info && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void acceptLink();
          }}
        >
          <p>
            {info.kind === "reset"
              ? t("resetIntro", { email: info.email })
              : t("inviteIntro", { email: info.email, shop: info.shop?.name ?? "", role: info.role ? t(`role_${info.role}`) : "" })}
          </p>
          {!setting && <p class="hint">{t("inviteExisting")}</p>}
          <input type="email" autocomplete="username" value={info.email} readOnly hidden />
          <TextField
            path="link-password"
            label={setting ? t("newPassword") : t("password")}
            type="password"
            autocomplete={setting ? "new-password" : "current-password"}
            hint={setting ? t("passwordRule") : undefined}
            value={link.password}
            error={link.error && link.error !== "passwordsDiffer" ? t(link.error) : undefined}
            onInput={(value) => $link.setKey("password", value)}
          />
          {setting && (
            <TextField
              path="link-confirm"
              label={t("confirmPassword")}
              type="password"
              autocomplete="new-password"
              value={link.confirm}
              error={link.error === "passwordsDiffer" ? t("passwordsDiffer") : undefined}
              onInput={(value) => $link.setKey("confirm", value)}
            />
          )}
          <button type="submit" class="primary" disabled={link.busy}>
            {info.kind === "reset" ? t("setPassword") : t("join")}
          </button>
        </form>
      )}
      <Status tone="error" message={failure || null} />
      {failure && (
        <button type="button" class="link" onClick={forgetLinkToken}>
          {t("toSignIn")}
        </button>
      )}
    </main>
  );
}
