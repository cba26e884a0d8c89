import { atom, computed } from "nanostores";
import { type CampaignPreview, Program } from "../../contract/index.ts";
import { api } from "../api.ts";
import { $locale } from "../i18n/index.ts";
import { issuesByPath, stableJson } from "./issues.ts";
import { slugify, uniqueId } from "./slug.ts";

/** The program as edited: the contract's shape, possibly invalid while typing (NaN for an empty number). */
export const $programDraft = atom<Program | null>(null);
/** The program as the endpoint has it: what "unsaved changes" and locked ids are measured against. */
export const $savedProgram = atom<Program | null>(null);
export const $programStatus = atom<{ kind: "idle" | "saving" | "saved" | "invalid" | "error"; message?: string }>({ kind: "idle" });
export const $campaignPreview = atom<CampaignPreview | null>(null);

/** The editor's sections, each with the widget section its preview opens at. */
export const programSections = [
  { id: "earning", widget: "earn" },
  { id: "rewards", widget: "rewards" },
  { id: "tiers", widget: "home" },
  { id: "campaigns", widget: "earn" },
  { id: "referrals", widget: "referral" },
  { id: "actions", widget: "earn" },
  { id: "rules", widget: "home" },
  { id: "raffles", widget: "home" },
  { id: "announcements", widget: "home" },
  { id: "links", widget: "home" },
] as const;
export type ProgramSection = (typeof programSections)[number]["id"];
/** Which section a field belongs to, by the first part of its path. */
const sectionOfPath: Record<string, ProgramSection> = {
  earning: "earning",
  tierWindowDays: "tiers",
  summary: "earning",
  rewards: "rewards",
  tiers: "tiers",
  campaigns: "campaigns",
  timeZone: "campaigns",
  referral: "referrals",
  actions: "actions",
  pending: "rules",
  expiry: "rules",
  raffles: "raffles",
  announcements: "announcements",
  links: "links",
};

/** Field errors from the same schema PUT /v1/program validates with; program-wide rules land under "". */
export const $programErrors = computed([$programDraft, $locale], (draft) => {
  if (!draft) return {};
  const parsed = Program.safeParse(draft);
  return parsed.success ? {} : issuesByPath(parsed.error.issues);
});

/** How many errors each section holds, so that the section list can point at them. */
export const $sectionErrors = computed($programErrors, (errors) => {
  const counts: Partial<Record<ProgramSection, number>> = {};
  for (const path of Object.keys(errors)) {
    const section = sectionOfPath[path.split(".")[0] ?? ""] ?? "rewards";
    counts[section] = (counts[section] ?? 0) + 1;
  }
  return counts;
});

export const $programDirty = computed([$programDraft, $savedProgram], (draft, saved) =>
  Boolean(draft && saved && stableJson(draft) !== stableJson(saved)),
);

/** Ids that exist on the endpoint: they stay as they are (codes and ledger entries point at them). */
export const $lockedIds = computed(
  $savedProgram,
  (saved) =>
    new Set(
      [
        ...(saved?.rewards ?? []),
        ...(saved?.tiers ?? []),
        ...(saved?.campaigns ?? []),
        ...(saved?.actions ?? []),
        ...(saved?.raffles ?? []),
        ...(saved?.announcements ?? []),
      ].map((item) => item.id),
    ),
);

/** New items whose id still follows their title; typing an id by hand takes it out. */
const autoIds = new Set<string>();

export async function loadProgram() {
  const result = await api.program();
  if (!result.ok) return $programStatus.set({ kind: "error", message: result.error.message });
  $savedProgram.set(result.data);
  $programDraft.set(structuredClone(result.data));
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

export type Listed = "rewards" | "tiers" | "campaigns" | "actions" | "raffles" | "announcements";
/** An item of one of the program's lists: a `Reward` for "rewards", a `Tier` for "tiers"… */
export type ListItem<L extends Listed> = NonNullable<Program[L]>[number];
const fallbacks: Record<Listed, string> = {
  rewards: "reward",
  tiers: "tier",
  campaigns: "campaign",
  actions: "action",
  raffles: "raffle",
  announcements: "announcement",
};

/** The items of a list, an absent optional list as none. */
export function itemsOf<L extends Listed>(program: Program, list: L): ListItem<L>[] {
  // TypeScript does not narrow Program[L] through a generic key; each list is an array of its items, or absent
  return (program[list] ?? []) as ListItem<L>[];
}

/** Tiers and campaigns have a name, the other lists' items a title: the key it is kept under, in every language. */
export const titleKey = (list: Listed): "name" | "title" => (list === "tiers" || list === "campaigns" ? "name" : "title");

/** An item's title, or its name for a tier or a campaign, in every language. */
export const titleOf = (item: ListItem<Listed>): Record<string, string> => ("name" in item ? item.name : item.title);

/** A fresh id for a new item of `list`, from its title, unique in the list. */
export function newId(program: Program, list: Listed, title: string, except?: string): string {
  const id = uniqueId(
    slugify(title, fallbacks[list]),
    itemsOf(program, list)
      .map((item) => item.id)
      .filter((other) => other !== except),
  );
  autoIds.add(id);
  return id;
}

/** Renames a tier everywhere it is named (rewards limited to it). */
function renameTier(program: Program, from: string, to: string) {
  for (const reward of program.rewards) if (reward.tiers) reward.tiers = reward.tiers.map((tier) => (tier === from ? to : tier));
}

/** A new item's title changed: its id follows while it was generated, never once saved. */
function titleChanged(list: Listed, index: number, title: string) {
  editProgram((draft) => {
    const item = itemsOf(draft, list)[index];
    if (!item || $lockedIds.get().has(item.id) || !autoIds.has(item.id)) return;
    autoIds.delete(item.id);
    const id = newId(draft, list, title, item.id);
    if (list === "tiers") renameTier(draft, item.id, id);
    item.id = id;
  });
}

/** An id typed by hand (new items only): it stops following the title. */
export function idTyped(list: Listed, index: number, id: string) {
  editProgram((draft) => {
    const item = itemsOf(draft, list)[index];
    if (!item) return;
    autoIds.delete(item.id);
    if (list === "tiers") renameTier(draft, item.id, id);
    item.id = id;
  });
}

/** Appends a new item to a list; `create` reads the draft, to give the item an id unique in its list. */
export function addItem<L extends Listed>(list: L, create: (program: Program) => ListItem<L>) {
  editProgram((draft) => {
    draft[list] ??= [];
    itemsOf(draft, list).push(create(draft));
  });
}

/** Changes one item of a list; a change that answers an item puts that one in its place (a reward of another kind). */
export function editItem<L extends Listed>(list: L, index: number, change: (item: ListItem<L>) => ListItem<L> | undefined) {
  editProgram((draft) => {
    const items = itemsOf(draft, list);
    const item = items[index];
    if (item) items[index] = change(item) ?? item;
  });
}

/** An item's title typed in one language; in the shop's default language, a new item's id follows it. */
export function editTitle(list: Listed, index: number, language: string, title: string, defaultLocale: string) {
  editItem(list, index, (item) => {
    titleOf(item)[language] = title;
  });
  if (language === defaultLocale) titleChanged(list, index, title);
}

/** Removes an item; a removed tier is taken out of the rewards limited to it. */
export function removeItem(list: Listed, index: number) {
  editProgram((draft) => {
    const [removed] = itemsOf(draft, list).splice(index, 1);
    if (list === "tiers" && removed)
      for (const reward of draft.rewards) {
        if (!reward.tiers) continue;
        reward.tiers = reward.tiers.filter((tier) => tier !== removed.id);
        if (!reward.tiers.length) delete reward.tiers;
      }
  });
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
  autoIds.clear();
  $savedProgram.set(result.data);
  $programDraft.set(structuredClone(result.data));
  $programStatus.set({ kind: "saved" });
}

export function discardProgram() {
  const saved = $savedProgram.get();
  if (saved) $programDraft.set(structuredClone(saved));
  autoIds.clear();
  $programStatus.set({ kind: "idle" });
}
