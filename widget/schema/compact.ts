/**
 * A response schema as compact data a tiny checker walks (see check.ts), made at build time from the contract's JSON Schema:
 * a one-letter string is a type (`s` string, `n` number, `i` integer, `b` boolean, `z` null, `u` anything), a longer string a pattern
 * for a string, `["a", item]` an array, `["e", ...values]` one of these values, `["o", ...nodes]` any of these, `["r", key, value]` a
 * record, and an object the properties (`"name?"` may be absent).
 */
export type Node = string | Node[] | { [key: string]: Node };

declare const checks: unique symbol;
/** Compact data that checks for a `T`. */
export type Schema<T> = Node & { readonly [checks]?: T };

type JsonSchema = { [keyword: string]: any };

const types: Record<string, string> = { string: "s", number: "n", integer: "i", boolean: "b", null: "z" };
/** Keywords the checker leaves to the server: bounds, lengths, formats and documentation. */
const ignored = new Set([
  "$schema",
  "description",
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
]);

/**
 * Strips a JSON Schema (as `z.toJSONSchema` writes it) to a compact `Node`; throws on anything the checker can't honour.
 * String patterns stay only where `keepPattern` says (the theme tokens, which go into a stylesheet); the others guard values the
 * widget only shows or sends back, and are left to the server. Properties the widget never reads are not checked at all:
 * `unread` holds their paths from the response's root (`program.rewards.tiers`: array items share their array's path);
 * `openEnums` the paths of enums checked as plain strings.
 */
export function compact(
  schema: JsonSchema,
  keepPattern: (pattern: string) => boolean = () => true,
  unread = new Set<string>(),
  path = "",
  openEnums = new Set<string>(),
): Node {
  const unknown = Object.keys(schema).filter(
    (keyword) =>
      !ignored.has(keyword) &&
      !["type", "pattern", "properties", "required", "additionalProperties", "propertyNames", "items", "enum", "const", "anyOf", "oneOf"].includes(
        keyword,
      ),
  );
  if (unknown.length) throw new Error(`compact schema: unsupported keywords ${unknown.join(", ")}`);
  const choices = schema.anyOf ?? schema.oneOf;
  const inner = (child: JsonSchema, childPath = path) => compact(child, keepPattern, unread, childPath, openEnums);
  if (choices) return merged(choices.map((choice: JsonSchema) => inner(choice)));
  if ("const" in schema) return ["e", schema.const];
  // an open enum (ledger kinds) may grow on a newer endpoint: any string passes, and the widget says what it knows of it
  if (schema.enum) return openEnums.has(path) && schema.type === "string" ? "s" : ["e", ...schema.enum];
  if (Array.isArray(schema.type)) return ["o", ...schema.type.map((type: string) => inner({ ...schema, type }))];
  switch (schema.type) {
    case undefined:
      return "u";
    case "string":
      // a pattern derived from a format (date-time: about 400 characters) costs more bytes than it guards; the widget only reads dates
      if (schema.format || schema.pattern === undefined || !keepPattern(schema.pattern)) return "s";
      if (schema.pattern.length < 2) throw new Error(`compact schema: pattern ${schema.pattern} is too short to tell from a type`);
      return schema.pattern;
    case "array":
      return ["a", inner(schema.items ?? {})];
    case "object": {
      if (!schema.properties) return ["r", inner(schema.propertyNames ?? {}), inner(schema.additionalProperties ?? {})];
      // extra properties are accepted, as zod's objects strip them: a newer endpoint may send more
      const required = new Set<string>(schema.required ?? []);
      const node: Node = {};
      for (const [name, property] of Object.entries<JsonSchema>(schema.properties)) {
        const childPath = path ? `${path}.${name}` : name;
        if (!unread.has(childPath)) node[required.has(name) ? name : `${name}?`] = inner(property, childPath);
      }
      return node;
    }
  }
  if (types[schema.type]) return types[schema.type]!;
  throw new Error(`compact schema: unsupported type ${schema.type}`);
}

const isEnum = (node: Node | undefined): node is Node[] => Array.isArray(node) && node[0] === "e";

/**
 * `["o", ...choices]`, or one object when every choice is an object with the same properties that differ only in an enum
 * (a discriminated union whose variants' own fields the widget doesn't read), in one property only: it checks exactly the
 * same, in fewer bytes.
 */
function merged(choices: Node[]): Node {
  const [first, ...rest] = choices;
  const objects = choices.every((choice) => typeof choice === "object" && !Array.isArray(choice));
  if (!objects || !first || !rest.length) return ["o", ...choices];
  const shapes = choices as Record<string, Node>[];
  const keys = Object.keys(first).join();
  if (!shapes.every((shape) => Object.keys(shape).join() === keys)) return ["o", ...choices];
  const node: Record<string, Node> = {};
  let differing = 0;
  for (const key of Object.keys(first)) {
    const values = shapes.map((shape) => shape[key]);
    const same = values.every((value) => JSON.stringify(value) === JSON.stringify(values[0]));
    if (same) node[key] = values[0] as Node;
    // one discriminating enum only: with two, the merged object would take combinations no choice allows
    else if (values.every(isEnum) && !differing++) node[key] = ["e", ...new Set(values.flatMap((value) => (value as Node[]).slice(1)))];
    else return ["o", ...choices];
  }
  return node;
}
