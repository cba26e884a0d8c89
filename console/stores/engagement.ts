import { atom } from "nanostores";
import type { FeedbackEntry, RaffleSummary } from "../../contract/index.ts";
import { api } from "../api.ts";

/** Each raffle's state as the endpoint knows it (status, entries, the draw), beside its terms in the program editor. */
export const $raffleStates = atom<Record<string, RaffleSummary>>({});

export async function loadRaffleStates() {
  const result = await api.raffles();
  if (result.ok) $raffleStates.set(Object.fromEntries(result.data.raffles.map((summary) => [summary.raffle.id, summary])));
}

export const $feedback = atom<FeedbackEntry[] | null>(null);
export const $feedbackCursor = atom<string | null>(null);
export const $feedbackError = atom<string | null>(null);

/** Post-purchase answers, newest first; `older` appends the next page. */
export async function loadFeedback(older = false) {
  const result = await api.feedback(older ? ($feedbackCursor.get() ?? undefined) : undefined);
  if (!result.ok) return $feedbackError.set(result.error.message);
  $feedbackError.set(null);
  $feedback.set(older ? [...($feedback.get() ?? []), ...result.data.feedback] : result.data.feedback);
  $feedbackCursor.set(result.data.nextCursor);
}
