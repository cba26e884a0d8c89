import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import { $t, type TextKey } from "../i18n/index.ts";
import {
  $programDirty,
  $programDraft,
  $programErrors,
  $programStatus,
  $sectionErrors,
  discardProgram,
  loadProgram,
  type ProgramSection,
  programSections,
  saveProgram,
} from "../stores/program.ts";
import { $route, goTo } from "../stores/route.ts";
import { $can } from "../stores/session.ts";
import { $previewProgram, $previewSection, $themeDraft, loadTheme } from "../stores/theme.ts";
import { CampaignsFields } from "./campaigns-fields.tsx";
import { AnnouncementsFields, RafflesFields } from "./engagement-fields.tsx";
import { SaveBar } from "./fields.tsx";
import { ThemePreview } from "./preview.tsx";
import { EarningFields, LinksFields } from "./program-sections.tsx";
import { ReferralFields } from "./referral-fields.tsx";
import { RewardsFields } from "./rewards-fields.tsx";
import { ActionsFields, PendingExpiryFields } from "./rules-fields.tsx";
import { TiersFields } from "./tiers-fields.tsx";

const views: Record<ProgramSection, () => preact.JSX.Element | null> = {
  earning: EarningFields,
  rewards: RewardsFields,
  tiers: TiersFields,
  campaigns: CampaignsFields,
  referrals: ReferralFields,
  actions: ActionsFields,
  rules: PendingExpiryFields,
  raffles: RafflesFields,
  announcements: AnnouncementsFields,
  links: LinksFields,
};
const titles: Record<ProgramSection, TextKey> = {
  earning: "earning",
  rewards: "rewards",
  tiers: "tiers",
  campaigns: "campaigns",
  referrals: "referral",
  actions: "actions",
  rules: "pendingExpiry",
  raffles: "raffles",
  announcements: "announcements",
  links: "links",
};

/** The program's rules a section at a time, validated with the same schema as PUT /v1/program, the widget previewed beside them. */
export function ProgramEditor() {
  const t = useStore($t);
  const program = useStore($programDraft);
  const errors = useStore($programErrors);
  const sectionErrors = useStore($sectionErrors);
  const status = useStore($programStatus);
  const dirty = useStore($programDirty);
  const can = useStore($can);
  const route = useStore($route);
  const section = (programSections.find((entry) => entry.id === route.section) ?? programSections[0]).id;
  useEffect(() => {
    if (!$programDraft.get()) void loadProgram();
    if (!$themeDraft.get()) void loadTheme();
    return () => $previewProgram.set(null);
  }, []);
  useEffect(() => $previewProgram.set(program), [program]);
  useEffect(() => $previewSection.set(programSections.find((entry) => entry.id === section)?.widget ?? "home"), [section]);
  if (!program) return <p>{t("loading")}</p>;
  const View = views[section];
  return (
    <div class="editor-with-preview">
      <form
        class="editor program"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void saveProgram();
        }}
      >
        <div class="editor-body">
          <h1>{t("navProgram")}</h1>
          <nav aria-label={t("programSections")} class="sections">
            <ul>
              {programSections.map(({ id }) => (
                <li key={id}>
                  <a
                    href={`#program/${id}`}
                    aria-current={id === section ? "page" : undefined}
                    onClick={(event) => {
                      event.preventDefault();
                      goTo("program", id);
                    }}
                  >
                    {t(titles[id])}
                    {sectionErrors[id] ? " " : null}
                    {sectionErrors[id] ? <span class="badge">{t("errorCount", { count: sectionErrors[id] ?? 0 })}</span> : null}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <fieldset class="plain" disabled={!can("editor")}>
            <legend class="visually-hidden">{t(titles[section])}</legend>
            {!can("editor") && <p class="hint">{t("readOnly")}</p>}
            <View />
            {errors[""] && <p class="error">{errors[""]}</p>}
          </fieldset>
        </div>
        {can("editor") && <SaveBar status={status} t={t} dirty={dirty} onDiscard={discardProgram} />}
      </form>
      <ThemePreview />
    </div>
  );
}
