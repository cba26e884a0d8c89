import type { ActivityEntry } from "../../../contract/widget.ts";
import { schemas } from "../../schema/panel.ts";
import type { ApiError, PanelHost } from "../../seam.ts";
import { checked, getAsMember } from "../api.ts";

/** Ledger pages loaded beyond the boot answer's recent entries. */
export interface ActivityState {
  entries: ActivityEntry[];
  cursor: string | null;
  loaded: boolean;
  busy: boolean;
  error?: ApiError;
}
const notLoaded = (): ActivityState => ({ entries: [], cursor: null, loaded: false, busy: false });

export function createActivity(host: PanelHost) {
  const $activity = host.store(notLoaded());
  return {
    $activity,
    reset: () => $activity.set(notLoaded()),
    /** Loads the next page (the first call starts again from the newest entry). */
    async loadMore() {
      const state = $activity.get();
      if (state.busy) return;
      $activity.set({ ...state, busy: true, error: undefined });
      const result = checked(
        host,
        await getAsMember(host, `activity?limit=20${state.loaded && state.cursor ? `&cursor=${state.cursor}` : ""}`),
        schemas.ActivityPage,
      );
      if (!result.ok) return $activity.set({ ...state, busy: false, error: result.error });
      const page = result.data;
      $activity.set({
        entries: state.loaded ? [...state.entries, ...page.entries] : page.entries,
        cursor: page.nextCursor,
        loaded: true,
        busy: false,
      });
    },
  };
}
