/** Zod issues as `{ "rewards.0.cost": "message" }`, the first message per field, for forms to show beside their inputs. */
export function issuesByPath(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const issue of issues) byPath[issue.path.map(String).join(".")] ??= issue.message;
  return byPath;
}

/** A stable id for a field's input, from its path: `field-rewards-0-cost`. */
export const fieldId = (path: string) => `field-${path.replace(/[^\w-]/g, "-")}`;
