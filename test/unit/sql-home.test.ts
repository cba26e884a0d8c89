import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSync, Visitor } from "vite";
import { describe, expect, it } from "vitest";

// Every SQL statement lives in server/storage/, one module per table or aggregate; operations compose them and HTTP calls
// operations. These checks keep it so: they read the sources of operations and HTTP and name each file and line that breaks it.

/** Text that begins like a SQL statement (upper case, as the project writes SQL): plain English sentences never do. */
const STATEMENT =
  /^\s*(SELECT\s|INSERT\s+INTO\s|UPDATE\s+\S+\s+SET\s|DELETE\s+FROM\s|WITH\s+(RECURSIVE\s+)?\w+(\s*\([^)]*\))?\s+AS\s*\(|CREATE\s|ALTER\s|DROP\s)/;
/** A fragment of one: a clause with a `?` placeholder, or a locking or upsert clause. */
const CLAUSE = /\b(WHERE|SET|VALUES|AND|OR)\b[^"'`]*\?|\bON CONFLICT\b|\bFOR (UPDATE|SHARE)\b|\bRETURNING\s+\w/;

/** Every .ts file under `dir`, as paths relative to the project. */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(dir, file))
    .sort();
}

/** The 1-based line of an offset. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

/** The string and template literals of a file that hold SQL, as `file:line: text`. */
function sqlIn(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  const check = (value: string, start: number) => {
    if (STATEMENT.test(value) || CLAUSE.test(value)) found.push(`${file}:${lineAt(text, start)}: ${value.trim().slice(0, 60)}`);
  };
  new Visitor({
    Literal(node) {
      if (typeof node.value === "string") check(node.value, node.start);
    },
    TemplateLiteral(node) {
      check(node.quasis.map((quasi) => quasi.value.raw).join("…"), node.start);
    },
  }).visit(parseSync(file, text).program);
  return found;
}

/** The modules a file imports or re-exports from (static, type-only and dynamic), as `file:line: specifier`. */
function importsOf(file: string): { at: string; specifier: string }[] {
  const text = readFileSync(file, "utf8");
  const found: { at: string; specifier: string }[] = [];
  const add = (source: { value: unknown; start: number } | null | undefined) => {
    if (source && typeof source.value === "string") found.push({ at: `${file}:${lineAt(text, source.start)}`, specifier: source.value });
  };
  new Visitor({
    ImportDeclaration: (node) => add(node.source),
    ExportNamedDeclaration: (node) => add(node.source),
    ExportAllDeclaration: (node) => add(node.source),
    ImportExpression: (node) => add(node.source.type === "Literal" ? node.source : null),
  }).visit(parseSync(file, text).program);
  return found;
}

describe("where SQL lives", () => {
  it("operations and HTTP routes hold no SQL: it is all in server/storage/", () => {
    const misplaced = [...sources("server/operations"), ...sources("server/http")].flatMap(sqlIn);
    expect(misplaced).toEqual([]);
  });

  it("HTTP routes import nothing from server/storage/: they call operations", () => {
    const reaching = sources("server/http")
      .flatMap(importsOf)
      .filter(({ specifier }) => /(^|\/)storage\//.test(specifier))
      .map(({ at, specifier }) => `${at}: ${specifier}`);
    expect(reaching).toEqual([]);
  });

  it("finds the statements where they do live", () => {
    const found = sources("server/storage").flatMap(sqlIn);
    expect(found.length).toBeGreaterThan(100);
    expect(found).toContainEqual(expect.stringMatching(/^server\/storage\/shops\.ts:\d+: SELECT \* FROM shops WHERE id = \?/));
  });

  it("recognises SQL and leaves English alone", () => {
    const sql = (value: string) => STATEMENT.test(value) || CLAUSE.test(value);
    for (const statement of [
      "SELECT * FROM shops WHERE id = ?",
      "  INSERT INTO refunds (shop_id) VALUES (?)",
      "UPDATE customers SET version = version + 1",
      "DELETE FROM connectors WHERE shop_id = ?",
      "WITH due AS (SELECT 1)",
      " FOR UPDATE",
      "tier_points + ? WHERE shop_id = ? AND id = ?",
    ])
      expect(sql(statement), statement).toBe(true);
    for (const english of [
      "this Idempotency-Key was used for another request",
      "Select a reward",
      "update the theme, then save",
      "order was already recorded with different content",
      "placedAt is more than a day in the future",
      "with the program's time zone",
      "What is your birthday?",
    ])
      expect(sql(english), english).toBe(false);
  });
});
