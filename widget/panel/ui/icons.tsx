/** @jsxImportSource widget-dom */
import type { Reward } from "../../../contract/program.ts";

/** The panel's icons: 24×24 outlines stroked in the current colour, one path each (a few bytes apiece, no icon font or file). */
const paths = {
  close: "M6 6l12 12M18 6L6 18",
  star: "M12 3l3 6 6 1-4.5 4 1 6.5L12 17l-5.5 3.5 1-6.5L3 10l6-1z",
  gift: "M4 11h16v9H4zM3 7h18v4H3zM12 7v13M12 7C9 2 6 5 8 7m4 0c3-5 6-2 4 0",
  truck: "M2 6h12v10H2zm12 4h5l3 3v3h-8M5 19h3m8 0h3",
  percent: "M19 5L5 19M6 6h2v2H6zm10 10h2v2h-2z",
  tag: "M3 3h9l9 9-9 9-9-9zm4 4h2v2H7z",
  bag: "M5 8h14l-1 13H6zm4 0a3 3 0 0 1 6 0",
  users: "M9 11a4 4 0 1 0 0-.1M2 21c1-4 4-6 7-6s6 2 7 6M19 8v6m-3-3h6",
  clock: "M12 3a9 9 0 1 0 .1 0M12 7v5l3 2",
  copy: "M9 9h11v11H9zM5 15H4V4h11v1",
  check: "M5 12l5 5L20 7",
  alert: "M12 3L2 21h20zm0 7v4m0 3v1",
};
export type IconName = keyof typeof paths;

/** A decorative icon: hidden from assistive technology, the text beside it says what it means. */
export const Icon = ({ name }: { name: IconName }) => (
  <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
    <path d={paths[name]} />
  </svg>
);

/** One icon per kind of reward. */
export const rewardIcon = (kind: Reward["kind"]): IconName =>
  kind === "amount_off" ? "tag" : kind === "percent_off" ? "percent" : kind === "free_shipping" ? "truck" : "gift";
