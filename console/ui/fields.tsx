import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Translate } from "../i18n/index.ts";
import { fieldId } from "../stores/issues.ts";

interface FieldProps {
  path: string;
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => ComponentChildren;
}

/** A labelled control with its hint and error, wired with aria-describedby so screen readers read them. */
export function Field({ path, label, error, hint, children }: FieldProps) {
  const id = fieldId(path);
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
      <label for={id}>{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": described })}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

type Input = { path: string; label: string; error?: string; hint?: string };

export function TextField(
  props: Input & {
    value: string;
    onInput: (value: string) => void;
    type?: "text" | "email" | "password" | "time" | "datetime-local" | "url";
    autocomplete?: string;
    placeholder?: string;
    readOnly?: boolean;
    /** Shows "12/24" beside the label and stops typing at the limit. */
    maxLength?: number;
    lang?: string;
  },
) {
  const counter = props.maxLength ? `${[...props.value].length}/${props.maxLength}` : undefined;
  return (
    <Field {...props} hint={[props.hint, counter].filter(Boolean).join(" · ") || undefined}>
      {(aria) => (
        <input
          {...aria}
          // Preact types each input type separately; all of these take the same attributes here
          type={(props.type ?? "text") as "text"}
          autocomplete={props.autocomplete}
          placeholder={props.placeholder}
          readOnly={props.readOnly}
          maxLength={props.maxLength}
          lang={props.lang}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/** A number input; an empty box becomes NaN so that the schema reports it. */
export function NumberField(props: Input & { value: number; onInput: (value: number) => void; step?: string; min?: number }) {
  return (
    <Field {...props}>
      {(aria) => (
        <input
          {...aria}
          type="number"
          inputMode="decimal"
          step={props.step ?? "1"}
          min={props.min}
          value={Number.isNaN(props.value) ? "" : props.value}
          onInput={(event) => props.onInput(event.currentTarget.value === "" ? Number.NaN : Number(event.currentTarget.value))}
        />
      )}
    </Field>
  );
}

export function SelectField(props: Input & { value: string; options: [value: string, label: string][]; onChange: (value: string) => void }) {
  return (
    <Field {...props}>
      {(aria) => (
        <select {...aria} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
          {props.options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A colour as CSS text (what the contract stores) beside a native picker for #rrggbb values. */
export function ColorField(props: Input & { value: string; onInput: (value: string) => void; placeholder?: string }) {
  const shown = props.value || props.placeholder || "";
  const hex = /^#[0-9a-f]{6}$/i.test(shown) ? shown : "#000000";
  return (
    <Field {...props}>
      {(aria) => (
        <span class="color-field">
          <input
            {...aria}
            type="text"
            spellcheck={false}
            placeholder={props.placeholder}
            value={props.value}
            onInput={(event) => props.onInput(event.currentTarget.value)}
          />
          <input type="color" aria-label={props.label} tabIndex={-1} value={hex} onInput={(event) => props.onInput(event.currentTarget.value)} />
        </span>
      )}
    </Field>
  );
}

export function Checkbox(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label class="checkbox">
      <input type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.currentTarget.checked)} />
      {props.label}
    </label>
  );
}

/** Save feedback in a live region, so a screen reader hears "Saved" or what went wrong. */
export function Status({ message, tone }: { message: string | null; tone: "ok" | "error" }) {
  return (
    <p class={`status status-${tone}`} role={tone === "error" ? "alert" : "status"}>
      {message}
    </p>
  );
}

export type SaveState = { kind: "idle" | "saving" | "saved" | "invalid" | "error"; message?: string };

/**
 * The end of an editor form, stuck to the bottom of the window: what saving said (or that there are unsaved changes), the
 * save button, discarding the changes, and any further actions.
 */
export function SaveBar(props: { status: SaveState; t: Translate; dirty: boolean; onDiscard: () => void; children?: ComponentChildren }) {
  const { status, t, dirty } = props;
  const message =
    status.kind === "saved"
      ? t("saved")
      : status.kind === "invalid"
        ? t("fixErrors")
        : status.kind === "error"
          ? (status.message ?? null)
          : dirty
            ? t("unsaved")
            : null;
  return (
    <div class="save-bar">
      <Status tone={status.kind === "error" || status.kind === "invalid" ? "error" : "ok"} message={message} />
      <div class="actions">
        <button type="submit" class="primary" disabled={status.kind === "saving" || !dirty}>
          {status.kind === "saving" ? t("saving") : t("save")}
        </button>
        <button type="button" disabled={!dirty} onClick={props.onDiscard}>
          {t("discard")}
        </button>
        {props.children}
      </div>
    </div>
  );
}

/** Copies `text` to the clipboard and says so; where the browser refuses, it says to copy by hand. */
export function CopyButton({ text, label, t }: { text: string; label: string; t: Translate }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = () =>
    navigator.clipboard
      .writeText(text)
      .then(() => setState("copied"))
      .catch(() => setState("failed"));
  return (
    <span class="copy">
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" class="copy-status">
        {state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : ""}
      </span>
    </span>
  );
}
