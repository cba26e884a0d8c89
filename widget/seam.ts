import type { WidgetBoot, WidgetTexts } from "../contract/widget.ts";
import type { Schema } from "./schema/compact.ts";
import type { Store } from "./store.ts";
import type { Words } from "../contract/words.ts";

// The seam between the boot (loyalty.js: plain DOM, always loaded) and the panel (loyalty-panel-<hash>.js: Preact, loaded at
// idle or on first open). The boot owns the page API, the requests' credentials, the host and the launcher; it hands the panel
// exactly this. The two are built separately and share nothing else at run time.

export const sections = ["home", "earn", "rewards", "referral", "activity"] as const;
export type Section = (typeof sections)[number];
export const isSection = (value: unknown): value is Section => sections.includes(value as Section);

/** Page API events: each is a `loyalty:<name>` CustomEvent on window. */
export type EventName = "ready" | "open" | "close" | "redeemed" | "referral-copied" | "error";

export interface ApiError {
  /** One of the contract's error codes, or a newer one. */
  code: string;
  message: string;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** What the boot knows and the panel draws from. */
export interface WidgetState {
  /** The boot answer (null until it arrives). The boot has checked what it reads; the panel checks what it reads. */
  boot: WidgetBoot | null;
  /** Whether the panel is open (or asked to open), and at which section. */
  open: boolean;
  section: Section;
  /** The panel's file and answer: untouched until idle time or the first open, then loading, ready or failed. */
  panel: "idle" | "loading" | "ready" | "failed";
}

export type { TextValues, Words } from "../contract/words.ts";

export interface PanelHost {
  root: ShadowRoot;
  /** Where the panel draws: an element of the widget's root, before the launcher. */
  slot: HTMLElement;
  $state: Store<WidgetState>;
  /** One request under /v1/shops/{shop}/, without cookies: the JSON back, unchecked (check it before reading). */
  request(path: string, init?: RequestInit): Promise<Result<unknown>>;
  /** The customer token now (after identify or logout too): the panel's own requests send it as `Authorization`. */
  token(): string | undefined;
  check<T>(schema: Schema<T>, value: unknown): value is T;
  /** The boot's small store (store.ts), for the panel's own. */
  store<T>(initial: T): Store<T>;
  /** The words of a language, from its texts (the boot answer's theme gives the points name). */
  words(locale: string, texts: WidgetTexts): Words;
  emit(name: EventName, detail?: unknown): void;
  /** Whether the page listens to an event through `Loyalty('on', ...)` (the wallet offers "apply to cart" only then). */
  listens(name: EventName): boolean;
  open(section?: unknown): void;
  close(): void;
  /** Loads the boot answer again (after a redemption, so that balance, wallet and progress are the endpoint's). */
  reload(): Promise<void>;
  /** The panel answer, requested by the boot together with the panel's file. */
  panelAnswer: Promise<Result<unknown>>;
  /** The panel answer in another language or version (after identify, or once the program changed). */
  requestPanel(locale: string, version: string): Promise<Result<unknown>>;
}

/** What the panel's file exports. */
export interface PanelModule {
  mountPanel(host: PanelHost): { destroy(): void };
}
