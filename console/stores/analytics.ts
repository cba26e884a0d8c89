import { atom } from "nanostores";
import type { Analytics } from "../../contract/index.ts";
import { api } from "../api.ts";

export const $analyticsDays = atom(30);
export const $analytics = atom<Analytics | null>(null);
export const $analyticsError = atom<string | null>(null);

export async function loadAnalytics(days = $analyticsDays.get()) {
  $analyticsDays.set(days);
  const result = await api.analytics(days);
  $analyticsError.set(result.ok ? null : result.error.message);
  $analytics.set(result.ok ? result.data : null);
}
