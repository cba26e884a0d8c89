import { $locale } from "../i18n/index.ts";
import { translateIssue } from "../i18n/validation.ts";

/** Zod issues as `{ "rewards.0.cost": "message" }`, the first message per field in the console's language, for forms to show beside their inputs. */
export function issuesByPath(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const issue of issues) byPath[issue.path.map(String).join(".")] ??= translateIssue(issue.message, $locale.get());
  return byPath;
}

/** A stable id for a field's input, from its path: `field-rewards-0-cost`. */
export const fieldId = (path: string) => `field-${path.replace(/[^\w-]/g, "-")}`;

/** JSON with object keys sorted: two drafts with the same content compare equal whatever order their keys were set in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  );
}
