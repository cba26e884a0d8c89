import { z } from "zod/mini";
import { Locale } from "./common.ts";

const number = String.raw`\d{1,3}(?:\.\d+)?`;
const hex = "#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})";
const functional = String.raw`(?:rgba?|hsla?)\(\s*${number}(?:%|deg)?\s*[, ]\s*${number}%?\s*[, ]\s*${number}%?\s*(?:[,/]\s*${number}%?\s*)?\)`;

/**
 * A CSS colour: `#0a7`, `#00aa77`, `rgb(0 170 119)`, `hsl(160 100% 33%)`. Nothing else reaches a stylesheet.
 * One regex (not a refine) so that the pattern survives into JSON Schema, where the widget checks with it.
 */
export const Color = z.string().check(z.regex(new RegExp(`^(?:${hex}|${functional})$`), "a CSS colour: #rgb, #rrggbb, rgb() or hsl()"));

/** A length in px (the widget never uses rem: the host page's root font size must not distort it). */
export const Pixels = z.string().check(z.regex(/^\d{1,3}(\.\d{1,2})?px$/, "a length in px, such as 16px"));

/** `inherit` (the shop's font) or a font-family list of names, commas, spaces, quotes and hyphens. */
export const FontFamily = z.string().check(z.regex(/^(inherit|[\w\s,"'-]{1,200})$/, "inherit or a font-family list such as 'Inter', sans-serif"));

export const PointsName = z.object({
  one: z.string().check(z.minLength(1), z.maxLength(40)),
  other: z.string().check(z.minLength(1), z.maxLength(40)),
});

const shortText = z.string().check(z.minLength(1), z.maxLength(80));

/** The launcher's label stays short enough to fit on a phone's screen beside the points. */
export const LAUNCHER_LABEL_MAX = 24;
const launcherLabel = z.string().check(z.minLength(1), z.maxLength(LAUNCHER_LABEL_MAX));

const textValue = z.string().check(z.maxLength(500));
/** A plural text: `one` and `other` always (every shipped language has them), the other categories where the language uses them. */
const PluralText = z.object({
  zero: z.optional(textValue),
  one: textValue,
  two: z.optional(textValue),
  few: z.optional(textValue),
  many: z.optional(textValue),
  other: textValue,
});

/** What a locale may override: the program's words and any of the widget's texts by key (a plural text by category). */
export const ThemeLocaleOverride = z.object({
  launcherLabel: z.optional(launcherLabel),
  programName: z.optional(shortText),
  pointsName: z.optional(PointsName),
  texts: z.optional(z.record(z.string().check(z.regex(/^[a-zA-Z][\w.]{0,63}$/)), z.union([textValue, PluralText]))),
});

/**
 * Colours for the dark scheme (`colorScheme` dark, or auto on a dark system). Each one left out is derived from the light
 * colours: the background is the accent mixed into near-black, the text near-white, the accent kept for filled surfaces.
 */
export const DarkColors = z.object({
  accent: z.optional(Color),
  accentText: z.optional(Color),
  background: z.optional(Color),
  text: z.optional(Color),
});

/** The theme tokens of the contract. Each maps to a CSS custom property on `:host` (`--loyalty-accent`, ...). */
export const Theme = z.object({
  accent: Color,
  accentText: Color,
  background: Color,
  text: Color,
  radius: Pixels,
  font: FontFamily,
  position: z.enum(["left", "right"]),
  offsetX: Pixels,
  offsetY: Pixels,
  launcherLabel,
  programName: shortText,
  pointsName: PointsName,
  colorScheme: z.enum(["light", "dark", "auto"]),
  /** Optional dark-scheme colours (`--loyalty-dark-accent`, ...); absent ones are derived. */
  dark: z.optional(DarkColors),
  locales: z.record(Locale, ThemeLocaleOverride),
});
export type Theme = z.infer<typeof Theme>;

export const defaultTheme: Theme = {
  accent: "#0b6e4f",
  accentText: "#ffffff",
  background: "#ffffff",
  text: "#1d1d1f",
  radius: "12px",
  font: "inherit",
  position: "right",
  offsetX: "20px",
  offsetY: "20px",
  launcherLabel: "Mis puntos",
  programName: "Club de puntos",
  pointsName: { one: "punto", other: "puntos" },
  colorScheme: "light",
  // the program's words in each language the widget speaks; a shop changes them in the console's Look
  locales: {
    en: { launcherLabel: "My points", programName: "Rewards club", pointsName: { one: "point", other: "points" } },
    ca: { launcherLabel: "Els meus punts", programName: "Club de punts", pointsName: { one: "punt", other: "punts" } },
    eu: { launcherLabel: "Nire puntuak", programName: "Puntu kluba", pointsName: { one: "puntu", other: "puntu" } },
    gl: { launcherLabel: "Os meus puntos", programName: "Club de puntos", pointsName: { one: "punto", other: "puntos" } },
    pt: { launcherLabel: "Os meus pontos", programName: "Clube de pontos", pointsName: { one: "ponto", other: "pontos" } },
    fr: { launcherLabel: "Mes points", programName: "Club fidélité", pointsName: { one: "point", other: "points" } },
    de: { launcherLabel: "Meine Punkte", programName: "Prämienclub", pointsName: { one: "Punkt", other: "Punkte" } },
    it: { launcherLabel: "I miei punti", programName: "Club punti", pointsName: { one: "punto", other: "punti" } },
  },
};

/** The theme as the console or API sends it: any token may be left out and keeps its current value. */
export const ThemeUpdate = z.partial(Theme);
export type ThemeUpdate = z.infer<typeof ThemeUpdate>;

/** The saved theme plus what the marketer should know about it (e.g. low contrast). */
export const ThemeResponse = z.object({
  theme: Theme,
  warnings: z.array(z.object({ code: z.enum(["low_contrast"]), message: z.string(), ratio: z.number() })),
});
export type ThemeResponse = z.infer<typeof ThemeResponse>;
