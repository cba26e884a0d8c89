import { createHash } from "node:crypto";
import type { WidgetTexts } from "../../contract/widget.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";

/** The widget's texts for each language it ships in; the boot and panel answers carry one of them, with the theme's overrides merged in. */
export const widgetTexts: Record<string, WidgetTexts> = { es, en };

/** Texts the boot carries: the launcher's. The panel carries them all. */
export const isLauncherText = (key: string) => key.startsWith("launcher.");

/** A digest of every shipped text: part of the panel's version, so that a deploy with new texts is a new cached answer. */
export const textsRevision = createHash("sha256").update(JSON.stringify(widgetTexts)).digest("base64url").slice(0, 8);
