import type { Node } from "./compact.ts";

/** Writes compact schemas as an ES module exporting `schemas`; a part that occurs more than once becomes one shared constant. */
export function schemaModule(schemas: Record<string, Node>): string {
  const seen = new Map<string, number>();
  const count = (node: Node) => {
    const key = JSON.stringify(node);
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (typeof node !== "string") for (const child of Object.values(node)) count(child);
  };
  for (const node of Object.values(schemas)) count(node);

  const names = new Map<string, string>();
  const lines: string[] = [];
  const write = (node: Node, top = false): string => {
    const key = JSON.stringify(node);
    const name = names.get(key);
    if (name) return name;
    const code =
      typeof node === "string"
        ? key
        : Array.isArray(node)
          ? `[${node.map((child) => write(child)).join(",")}]`
          : `{${Object.entries(node)
              .map(([property, child]) => `${JSON.stringify(property)}:${write(child)}`)
              .join(",")}}`;
    if (top || (seen.get(key) ?? 0) < 2 || key.length < 8) return code;
    const shared = `s${names.size}`;
    names.set(key, shared);
    lines.push(`const ${shared}=${code};`);
    return shared;
  };
  const entries = Object.entries(schemas).map(([name, node]) => `${JSON.stringify(name)}:${write(node)}`);
  return `${lines.join("\n")}\nexport const schemas={${entries.join(",")}};\n`;
}
