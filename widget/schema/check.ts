import type { Node, Schema } from "./compact.ts";

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === "object" && !Array.isArray(value);
const typeOf: Record<string, string> = { s: "string", n: "number", b: "boolean" };

/** Whether `value` has the shape the compact schema describes. */
function fits(node: Node, value: unknown): boolean {
  if (typeof node === "string")
    return node[1]
      ? typeof value === "string" && new RegExp(node).test(value)
      : node === "u" || (node === "i" ? Number.isInteger(value) : node === "z" ? value === null : typeof value === typeOf[node]);
  if (Array.isArray(node)) {
    const [kind, first, second] = node;
    if (kind === "e") return node.includes(value as Node, 1);
    if (kind === "o") return node.some((choice, index) => index > 0 && fits(choice, value));
    if (kind === "a") return Array.isArray(value) && value.every((item) => fits(first!, item));
    return isRecord(value) && Object.entries(value).every(([key, item]) => fits(first!, key) && fits(second!, item));
  }
  return (
    isRecord(value) &&
    Object.entries(node).every(([key, property]) => {
      const optional = key.endsWith("?");
      const item = value[optional ? key.slice(0, -1) : key];
      return (optional && item === undefined) || fits(property, item);
    })
  );
}

/** Checks a value against one of the contract's schemas (compact, see schema/contract.ts). */
export const matches = <T>(schema: Schema<T>, value: unknown): value is T => fits(schema, value);
