import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import type { MarketerRole } from "../../contract/index.ts";
import { formatDate } from "../format.ts";
import { $locale, $t } from "../i18n/index.ts";
import { $can, $session } from "../stores/session.ts";
import {
  $inviteForm,
  $oneTimeLink,
  $team,
  $teamError,
  changeRole,
  loadTeam,
  makeResetLink,
  removeMarketer,
  revokeInvite,
  sendInvite,
} from "../stores/team.ts";
import { CopyButton, SelectField, Status, TextField } from "./fields.tsx";

const roles: MarketerRole[] = ["owner", "editor", "viewer"];

/** The link just made, to pass on by hand (the endpoint sends no email; it also writes the link to its log). */
function LinkToPass() {
  const t = useStore($t);
  const locale = useStore($locale);
  const link = useStore($oneTimeLink);
  if (!link) return null;
  return (
    <div class="secret" role="status">
      <p>{t(link.kind === "invite" ? "inviteLinkMade" : "resetLinkMade", { email: link.email, until: formatDate(link.expiresAt, locale) })}</p>
      <code class="wrap">{link.link}</code> <CopyButton text={link.link} label={t("copyLink")} t={t} />
    </div>
  );
}

function InviteForm() {
  const t = useStore($t);
  const form = useStore($inviteForm);
  return (
    <form
      class="invite"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void sendInvite();
      }}
    >
      <h2>{t("invite")}</h2>
      <div class="fields-grid">
        <TextField
          path="invite-email"
          type="email"
          label={t("email")}
          value={form.email}
          error={form.error ? t(form.error) : undefined}
          onInput={(value) => $inviteForm.set({ ...form, email: value, error: null })}
        />
        <SelectField
          path="invite-role"
          label={t("role")}
          value={form.role}
          options={roles.map((role) => [role, t(`role_${role}`)])}
          onChange={(value) => $inviteForm.setKey("role", value)}
        />
      </div>
      <p class="hint">{t("rolesHint")}</p>
      <button type="submit" class="primary" disabled={form.busy}>
        {t("sendInvite")}
      </button>
    </form>
  );
}

/** The shop's marketers and their roles; owners invite, change roles, remove and make reset links. */
export function TeamPage() {
  const t = useStore($t);
  const locale = useStore($locale);
  const team = useStore($team);
  const error = useStore($teamError);
  const can = useStore($can);
  const session = useStore($session);
  useEffect(() => void loadTeam(), []);
  if (!team) return <p>{t("loading")}</p>;
  const owner = can("owner");
  return (
    <div class="team">
      <h1>{t("navTeam")}</h1>
      <Status tone="error" message={error} />
      <LinkToPass />
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">{t("navTeam")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("since")}</th>
              {owner && <th scope="col">{t("actionsColumn")}</th>}
            </tr>
          </thead>
          <tbody>
            {team.marketers.map((marketer) => (
              <tr key={marketer.email}>
                <th scope="row">
                  {marketer.email}
                  {marketer.email === session?.email && <span class="hint"> ({t("you")})</span>}
                </th>
                <td>
                  {owner ? (
                    <SelectField
                      path={`role-${marketer.email}`}
                      label={t("roleOf", { email: marketer.email })}
                      value={marketer.role}
                      options={roles.map((role) => [role, t(`role_${role}`)])}
                      onChange={(value) => void changeRole(marketer.email, value)}
                    />
                  ) : (
                    t(`role_${marketer.role}`)
                  )}
                </td>
                <td>{formatDate(marketer.since, locale, "date")}</td>
                {owner && (
                  <td class="actions">
                    <button type="button" onClick={() => void makeResetLink(marketer.email)}>
                      {t("resetLink")}
                      <span class="visually-hidden"> ({marketer.email})</span>
                    </button>
                    <button
                      type="button"
                      class="danger"
                      onClick={() => confirm(t("removeConfirm", { email: marketer.email })) && void removeMarketer(marketer.email)}
                    >
                      {t("removeMarketer")}
                      <span class="visually-hidden"> ({marketer.email})</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {team.invites.length > 0 && (
        <>
          <h2>{t("pendingInvites")}</h2>
          <ul>
            {team.invites.map((invite) => (
              <li key={invite.email}>
                {t("pendingInvite", { email: invite.email, role: t(`role_${invite.role}`), until: formatDate(invite.expiresAt, locale) })}{" "}
                {owner && (
                  <button type="button" class="link" onClick={() => void revokeInvite(invite.email)}>
                    {t("revokeInvite", { email: invite.email })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {owner ? <InviteForm /> : <p class="hint">{t("teamOwnerOnly")}</p>}
    </div>
  );
}
