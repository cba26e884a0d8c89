/** @jsxImportSource widget-dom */
import type { ApiError } from "../../seam.ts";
import type { Child } from "../dom/render.ts";
import type { View } from "../view.ts";
import { Icon, type IconName } from "./icons.tsx";

/** A button that submits nothing: every control of the widget is one. */
export const Button = (props: Record<string, unknown> & { children?: Child }) => <button type="button" {...props} />;

/** A bar of how far `value` is towards `max` (the bar is drawn through a CSSOM property write, allowed under a strict CSP). */
export const Bar = ({ value, max, label, part }: { value: number; max: number; label: string; part?: string }) => (
  <div
    part={part}
    class="bar"
    role="progressbar"
    aria-label={label}
    aria-valuemax={max}
    aria-valuenow={Math.max(0, Math.min(value, max))}
    style={{ "--progress": String(Math.max(0, Math.min(1, value / max))) }}
  />
);

/** A card: an icon in a tinted disc beside its content. */
export const Card = ({ icon, children, class: className = "", part }: { icon: IconName; children: Child; class?: string; part?: string }) => (
  <div part={part} class={`card ${className}`}>
    <span class="disc">
      <Icon name={icon} />
    </span>
    <div class="card-body">{children}</div>
  </div>
);

/** A failure said plainly, announced at once. */
export const Failure = ({ text }: { text: string }) => (
  <p part="error" class="error" role="alert">
    {text}
  </p>
);

/** Why a request failed, said plainly: the error's own text where the widget has one, else a general one. */
export const Problem = ({ view, error }: { view: View; error?: ApiError }) =>
  error ? <Failure text={view.words.t(`error.${error.code}`) || view.words.t("error.failed")} /> : null;

/** A copy button whose label says when its value was the last thing copied. */
export function CopyButton({ view, value, link, ...props }: { view: View; value: string; link?: boolean; part?: string; class?: string }) {
  const copied = view.copied === value;
  return (
    <Button {...props} onClick={() => view.stores.copy.copy(value, link)}>
      <Icon name={copied ? "check" : "copy"} />
      {view.words.t(copied ? "code.copied" : "code.copy")}
    </Button>
  );
}
