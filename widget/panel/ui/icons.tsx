/** @jsxImportSource widget-dom */
/** The panel's icons: 24×24 outlines stroked in the current colour, one path each (a few bytes apiece, no icon font or file). */
const paths = {
  close: "M6 6l12 12M18 6 6 18",
  star: "M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z",
  gift: "M4 11h16v9H4zM3 7h18v4H3zM12 7v13M12 7c-1.5-3-5-3.5-5-1.2C7 7 9.5 7 12 7zm0 0c1.5-3 5-3.5 5-1.2C17 7 14.5 7 12 7z",
  truck: "M2 6h12v10H2zM14 10h4l3 3v3h-7M4 18a2 2 0 1 0 4 0 2 2 0 1 0-4 0M15 18a2 2 0 1 0 4 0 2 2 0 1 0-4 0",
  percent: "M19 5 5 19M5 7a2 2 0 1 0 4 0 2 2 0 1 0-4 0M15 17a2 2 0 1 0 4 0 2 2 0 1 0-4 0",
  tag: "M3 12V3h9l9 9-9 9zM7.5 7.5h.01",
  bag: "M5 8h14l-1 13H6zM9 8V6a3 3 0 0 1 6 0v2",
  users: "M5 8a4 4 0 1 0 8 0 4 4 0 1 0-8 0M2 21a7 7 0 0 1 14 0M16 4a4 4 0 0 1 0 8M22 21a7 7 0 0 0-4-6.3",
  clock: "M3 12a9 9 0 1 0 18 0 9 9 0 1 0-18 0M12 7v5l3 2",
  copy: "M9 9h11v11H9zM5 15H4V4h11v1",
  check: "M5 12l5 5L20 7",
  share: "M12 3v12M7 8l5-5 5 5M5 13v7h14v-7",
  cake: "M4 21v-9h16v9M2 21h20M4 15.5c2.7 1.3 5.3 1.3 8 0s5.3-1.3 8 0M12 12V8M12 4.5v.5",
  mail: "M3 5h18v14H3zM3 6l9 7 9-7",
  heart: "M12 20S4 15.3 4 9.7A4.3 4.3 0 0 1 12 7a4.3 4.3 0 0 1 8 2.7C20 15.3 12 20 12 20z",
  chat: "M4 5h16v11H9l-5 4z",
  up: "M12 19V5M6 11l6-6 6 6",
  down: "M12 5v14M6 13l6 6 6-6",
  lock: "M6 11h12v10H6zM8 11V7a4 4 0 0 1 8 0v4",
  crown: "M3 8l4.5 4L12 5l4.5 7L21 8l-2 11H5z",
  alert: "M12 3 2 21h20zM12 10v5M12 18v.01",
};
export type IconName = keyof typeof paths;

/** A decorative icon: hidden from assistive technology, the text beside it says what it means. */
export const Icon = ({ name }: { name: IconName }) => (
  <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
    <path d={paths[name]} />
  </svg>
);
