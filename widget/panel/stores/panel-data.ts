import type { WidgetBoot, WidgetPanel } from "../../../contract/widget.ts";
import { schemas } from "../../schema/panel.ts";
import type { PanelHost, Result } from "../../seam.ts";

/** The panel answer (texts and program details) for the boot answer's language and version: loading (null), there, or failed. */
export function createPanelData(host: PanelHost) {
  const $panelData = host.store<WidgetPanel | "failed" | null>(null);
  let wanted = "";

  async function use(answer: Promise<Result<unknown>>, key: string) {
    const result = await answer;
    // a newer language or version was asked for meanwhile
    if (key !== wanted) return;
    $panelData.set(result.ok && host.check(schemas.WidgetPanel, result.data) ? result.data : "failed");
  }

  return {
    $panelData,
    /** Asks for the answer the boot answer names, once per language and version (the first one the boot has asked for already). */
    follow(boot: WidgetBoot | null) {
      if (!boot) return;
      const key = `${boot.locale} ${boot.panel.version}`;
      if (key === wanted) return;
      const first = !wanted;
      wanted = key;
      if (!first) $panelData.set(null);
      void use(first ? host.panelAnswer : host.requestPanel(boot.locale, boot.panel.version), key);
    },
    /** After a failure: the same answer again. */
    retry(boot: WidgetBoot) {
      $panelData.set(null);
      void use(host.requestPanel(boot.locale, boot.panel.version), wanted);
    },
  };
}
