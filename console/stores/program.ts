import { atom, computed } from "nanostores";
import { type CampaignPreview, Program } from "../../contract/index.ts";
import { api } from "../api.ts";
import { issuesByPath } from "./issues.ts";

/** The program as edited: the contract's shape, possibly invalid while typing (NaN for an empty number). */
export const $programDraft = atom<Program | null>(null);
export const $programStatus = atom<{ kind: "idle" | "saving" | "saved" | "invalid" | "error"; message?: string }>({ kind: "idle" });
export const $campaignPreview = atom<CampaignPreview | null>(null);

/** Field errors from the same schema PUT /v1/program validates with; program-wide rules land under "". */
export const $programErrors = computed($programDraft, (draft) => {
  if (!draft) return {};
  const parsed = Program.safeParse(draft);
  return parsed.success ? {} : issuesByPath(parsed.error.issues);
});

export async function loadProgram() {
  const result = await api.program();
  if (!result.ok) return $programStatus.set({ kind: "error", message: result.error.message });
  $programDraft.set(result.data);
  void previewCampaigns();
}

/** Applies a change to a copy of the draft (the draft is never mutated in place). */
export function editProgram(change: (program: Program) => void) {
  const draft = $programDraft.get();
  if (!draft) return;
  const next = structuredClone(draft);
  change(next);
  $programDraft.set(next);
  $programStatus.set({ kind: "idle" });
  schedulePreview();
}

let timer: ReturnType<typeof setTimeout> | undefined;
function schedulePreview() {
  clearTimeout(timer);
  timer = setTimeout(() => void previewCampaigns(), 300);
}

/** Asks the endpoint for the next window of the drafted campaigns, in the drafted time zone. */
export async function previewCampaigns() {
  const draft = $programDraft.get();
  const parsed = Program.safeParse(draft);
  if (!draft || !parsed.success) return;
  const result = await api.campaignPreview({ timeZone: parsed.data.timeZone, campaigns: parsed.data.campaigns });
  $campaignPreview.set(result.ok ? result.data : null);
}

export async function saveProgram() {
  const parsed = Program.safeParse($programDraft.get());
  if (!parsed.success) return $programStatus.set({ kind: "invalid" });
  $programStatus.set({ kind: "saving" });
  const result = await api.saveProgram(parsed.data);
  if (!result.ok) return $programStatus.set({ kind: "error", message: result.error.message });
  $programDraft.set(result.data);
  $programStatus.set({ kind: "saved" });
}
