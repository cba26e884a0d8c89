import type { Theme } from "../theme.ts";

type Rgb = [number, number, number];

/** Parses the colour syntax the theme accepts (#hex, rgb(), hsl()) into 0–255 channels; alpha is ignored. */
export function parseColor(color: string): Rgb | null {
  const value = color.trim().toLowerCase();
  if (value.startsWith("#")) {
    const hex = value.slice(1);
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join("") : hex;
    return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as Rgb;
  }
  const numbers = value.match(/\d+(\.\d+)?/g)?.map(Number) ?? [];
  const [a = 0, b = 0, c = 0] = numbers;
  if (value.startsWith("rgb")) return [a, b, c].map((v) => (value.includes("%") ? v * 2.55 : v)) as Rgb;
  if (value.startsWith("hsl")) return hslToRgb(a, b / 100, c / 100);
  return null;
}

function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const k = (n: number) => (n + hue / 30) % 12;
  const a = saturation * Math.min(lightness, 1 - lightness);
  const f = (n: number) => lightness - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}

function luminance([r, g, b]: Rgb): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio between two colours, 1–21. */
export function contrastRatio(foreground: string, background: string): number {
  const a = parseColor(foreground);
  const b = parseColor(background);
  if (!a || !b) return 1;
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
}

const hex = (rgb: Rgb) => `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, "0")).join("")}`;

/** `color-mix(in srgb, a share%, b)`, as the widget's stylesheet computes it. */
export function mixColors(a: string, share: number, b: string): string {
  const [first, second] = [parseColor(a), parseColor(b)];
  if (!first || !second) return a;
  return hex(first.map((channel, index) => channel * share + (second[index] ?? 0) * (1 - share)) as Rgb);
}

/**
 * The dark scheme's colours as the widget draws them (widget/panel/panel.css, `.scheme-dark`): the theme's `dark` colours, or
 * else a near-black background tinted with the accent and a near-white text (always at least 4.5:1 between them).
 */
export function darkColors(theme: Theme) {
  return {
    accent: theme.dark?.accent ?? theme.accent,
    accentText: theme.dark?.accentText ?? theme.accentText,
    background: theme.dark?.background ?? mixColors(theme.accent, 0.1, "#121212"),
    text: theme.dark?.text ?? mixColors(theme.accent, 0.06, "#f5f5f5"),
  };
}

export type ContrastPair = "accent" | "text" | "darkAccent" | "darkText";

/**
 * The colour pairs that carry text: the accent's text on the accent, and the text on the background; the dark scheme's when
 * it can show (a dark or automatic scheme, or dark colours given). The dark accent pair is the light one unless the theme
 * gives dark accent colours: it is flagged once.
 */
export function contrastPairs(theme: Theme): { pair: ContrastPair; foreground: string; background: string }[] {
  const pairs: { pair: ContrastPair; foreground: string; background: string }[] = [
    { pair: "accent", foreground: theme.accentText, background: theme.accent },
    { pair: "text", foreground: theme.text, background: theme.background },
  ];
  if (theme.colorScheme !== "light" || theme.dark) {
    const dark = darkColors(theme);
    if (theme.dark?.accent || theme.dark?.accentText) pairs.push({ pair: "darkAccent", foreground: dark.accentText, background: dark.accent });
    pairs.push({ pair: "darkText", foreground: dark.text, background: dark.background });
  }
  return pairs;
}

const described: Record<ContrastPair, string> = {
  accent: "Accent text on the accent colour",
  text: "Text on the background",
  darkAccent: "Dark scheme: accent text on the accent colour",
  darkText: "Dark scheme: text on the background",
};

/** Pairs below WCAG AA (4.5:1) are accepted but flagged to the marketer; the dark scheme's pairs too when it can show. */
export function contrastWarnings(theme: Theme) {
  return contrastPairs(theme)
    .map(({ pair, foreground, background }) => ({ what: described[pair], ratio: contrastRatio(foreground, background) }))
    .filter(({ ratio }) => ratio < 4.5)
    .map(({ what, ratio }) => ({ code: "low_contrast" as const, message: `${what} has a contrast of ${ratio}:1; WCAG AA asks for 4.5:1`, ratio }));
}
