import { useStore } from "@nanostores/preact";
import { $t } from "../i18n/index.ts";
import { $signInForm, editSignIn, submitSignIn } from "../stores/session.ts";
import { Status, TextField } from "./fields.tsx";

export function SignIn() {
  const t = useStore($t);
  const form = useStore($signInForm);
  const error = (key: "shop" | "email" | "password") => (form.errors[key] ? t(form.errors[key]) : undefined);
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
          path="shop"
          label={t("shop")}
          value={form.shop}
          error={error("shop")}
          autocomplete="organization"
          onInput={(value) => editSignIn("shop", value)}
        />
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
    </main>
  );
}
