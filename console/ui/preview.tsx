import { useStore } from "@nanostores/preact";
import { useEffect, useState } from "preact/hooks";
import { $locale, $t } from "../i18n/index.ts";
import { $previewDraft, $previewOpen, $previewSection, $previewWidth } from "../stores/theme.ts";

/** The real widget bundle in an endpoint page, signed in as a sample shopper, redrawn (debounced) as the draft changes. */
export function ThemePreview() {
  const t = useStore($t);
  const locale = useStore($locale);
  const draft = useStore($previewDraft);
  const width = useStore($previewWidth);
  const open = useStore($previewOpen);
  const section = useStore($previewSection);
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!draft) return;
    const timer = setTimeout(() => setSrc(`/console/preview?theme=${draft}&locale=${locale}${open ? `#loyalty-${section}` : ""}`), 250);
    return () => clearTimeout(timer);
  }, [draft, locale, open, section]);
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t("preview")}</h2>
      <p class="hint">{t("previewHint")}</p>
      <fieldset class="preview-controls">
        <legend class="visually-hidden">{t("preview")}</legend>
        {(["desktop", "mobile"] as const).map((name) => (
          <button key={name} type="button" aria-pressed={width === name} onClick={() => $previewWidth.set(name)}>
            {t(name)}
          </button>
        ))}
        <label class="checkbox">
          <input type="checkbox" checked={open} onChange={(event) => $previewOpen.set(event.currentTarget.checked)} />
          {t("panelOpen")}
        </label>
      </fieldset>
      {/* the frame's box is there from the start and keeps its size, so nothing around it moves as the preview reloads */}
      <div class={`preview-box preview-${width}`}>{src && <iframe class="preview-frame" title={t("preview")} src={src} />}</div>
    </section>
  );
}
