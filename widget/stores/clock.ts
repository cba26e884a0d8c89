import { atom } from "nanostores";
import { $clockOffset } from "./payload.ts";

/** The server's time in ms, ticking every second while something listens (a live countdown). */
export const $now = atom(0);

let timer: ReturnType<typeof setInterval> | undefined;

export function startClock() {
  const tick = () => $now.set(Date.now() + $clockOffset.get());
  tick();
  timer ??= setInterval(tick, 1000);
}

export function stopClock() {
  clearInterval(timer);
  timer = undefined;
}
