import { atom } from "nanostores";
import type { ActivityEntry } from "../../contract/widget.ts";
import { type ApiError, fetchActivity } from "../api.ts";

/** Ledger pages loaded beyond the payload's recent entries. */
interface ActivityState {
  entries: ActivityEntry[];
  cursor: string | null;
  loaded: boolean;
  busy: boolean;
  error?: ApiError;
}
const notLoaded = (): ActivityState => ({ entries: [], cursor: null, loaded: false, busy: false });
export const $activity = atom(notLoaded());

export const resetActivity = () => $activity.set(notLoaded());

/** Loads the next page (the first call reloads from the newest entry). */
export async function loadMoreActivity() {
  const state = $activity.get();
  if (state.busy) return;
  $activity.set({ ...state, busy: true, error: undefined });
  const result = await fetchActivity(state.loaded ? state.cursor : null);
  if (!result.ok) return $activity.set({ ...state, busy: false, error: result.error });
  const entries = state.loaded ? [...state.entries, ...result.data.entries] : result.data.entries;
  $activity.set({ entries, cursor: result.data.nextCursor, loaded: true, busy: false });
}
