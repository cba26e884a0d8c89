import { useStore } from "@nanostores/preact";
import { $t, hasText, type TextKey } from "../i18n/index.ts";
import { $session } from "../stores/session.ts";
import { $passwordForm, changePassword } from "../stores/team.ts";
import { Status, TextField } from "./fields.tsx";

/** The signed-in marketer's own account: who they are, and a new password. */
export function AccountPage() {
  const t = useStore($t);
  const session = useStore($session);
  const form = useStore($passwordForm);
  const failure = form.failure && (hasText(form.failure) ? t(form.failure as TextKey) : form.failure);
  return (
    <div class="account">
      <h1>{t("navAccount")}</h1>
      <p>{t("signedInAs", { email: session?.email ?? "" })}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void changePassword();
        }}
      >
        <h2>{t("changePassword")}</h2>
        <input type="email" autocomplete="username" value={session?.email ?? ""} readOnly hidden />
        <TextField
          path="current-password"
          type="password"
          autocomplete="current-password"
          label={t("currentPassword")}
          value={form.current}
          error={form.error === "required" && !form.current ? t("required") : undefined}
          onInput={(value) => $passwordForm.setKey("current", value)}
        />
        <TextField
          path="new-password"
          type="password"
          autocomplete="new-password"
          label={t("newPassword")}
          hint={t("passwordRule")}
          value={form.next}
          error={form.error === "passwordTooShort" || (form.error === "required" && !form.next) ? t(form.error) : undefined}
          onInput={(value) => $passwordForm.setKey("next", value)}
        />
        <TextField
          path="confirm-password"
          type="password"
          autocomplete="new-password"
          label={t("confirmPassword")}
          value={form.confirm}
          error={form.error === "passwordsDiffer" ? t("passwordsDiffer") : undefined}
          onInput={(value) => $passwordForm.setKey("confirm", value)}
        />
        <Status tone={failure ? "error" : "ok"} message={failure || (form.done ? t("passwordChanged") : null)} />
        <button type="submit" class="primary">
          {t("changePassword")}
        </button>
      </form>
    </div>
  );
}
