import type { ButtonHTMLAttributes, ComponentChildren } from "preact";
import { t } from "../i18n/index.ts";
import { copy } from "../stores/referral.ts";

/** A button that submits nothing (shared markup: every control of the widget is one). */
export const Button = (props: ButtonHTMLAttributes<HTMLButtonElement>) => <button type="button" {...props} />;

/** A row of things side by side. */
export const Row = ({ children }: { children: ComponentChildren }) => <p class="w">{children}</p>;

/** A copy button whose label says when `what` was the last thing copied. */
export const CopyButton = ({
  value,
  what,
  copied,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { value: string; what: string; copied: string | null }) => (
  <Button {...props} onClick={() => copy(value, what)}>
    {t(copied === what ? "copied" : "copy")}
  </Button>
);

/** A discount code, selectable, with a copy button. */
export const Code = ({ code, copied }: { code: string; copied: string | null }) => (
  <Row>
    <output part="reward-code">{code}</output>
    <CopyButton value={code} what="code" copied={copied} />
  </Row>
);

/** A failure said plainly. */
export const Failure = ({ text }: { text: string }) => (
  <p part="error" role="alert">
    {text}
  </p>
);
