/** One member to import, as checked: the CSV's text turned into values (contract 7.6). */
export interface ImportRow {
  line: number;
  customerId: string;
  email: string | null;
  name: string | null;
  points: number;
  birthday: string | null;
  tierPoints: number;
}

export const REQUIRED_COLUMNS = ["customerId", "email", "name", "points"] as const;
export const OPTIONAL_COLUMNS = ["birthday", "tierPoints"] as const;
const KNOWN = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);

const customerId = /^[\w.:@+\-/=]{1,128}$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const wholeNumber = /^\d{1,10}$/;
const MAX_POINTS = 1_000_000_000;

/** What is wrong with the header line, or null. */
export function headerProblem(columns: string[]): string | null {
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length) return `the header lacks ${missing.join(", ")} (expected customerId,email,name,points and optionally birthday,tierPoints)`;
  const unknown = columns.filter((column) => !KNOWN.has(column));
  if (unknown.length) return `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}`;
  const repeated = columns.filter((column, index) => columns.indexOf(column) !== index);
  if (repeated.length) return `column ${repeated[0]} appears twice`;
  return null;
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function points(value: string | undefined, column: string): number | string {
  const text = (value ?? "").trim();
  if (text === "") return 0;
  if (!wholeNumber.test(text) || Number(text) > MAX_POINTS) return `${column} must be a whole number from 0 to ${MAX_POINTS.toLocaleString("en")}`;
  return Number(text);
}

/**
 * Checks one record: a valid customer id, an email if given, whole non-negative points, a real date. Every problem of the
 * line is named, so one report fixes the whole file.
 */
export function judgeImportRow(record: Record<string, string | undefined>, line: number): { row: ImportRow } | { error: string } {
  const problems: string[] = [];
  const id = (record.customerId ?? "").trim();
  if (!customerId.test(id)) problems.push("customerId must be 1–128 letters, digits or . _ - : @ + / =");
  const mail = (record.email ?? "").trim();
  if (mail && (mail.length > 254 || !email.test(mail))) problems.push(`email "${mail.slice(0, 60)}" is not an email address`);
  const name = (record.name ?? "").trim();
  if (name.length > 200) problems.push("name is longer than 200 characters");
  const balance = points(record.points, "points");
  if (typeof balance === "string") problems.push(balance);
  const tier = points(record.tierPoints, "tierPoints");
  if (typeof tier === "string") problems.push(tier);
  const birthday = (record.birthday ?? "").trim();
  if (birthday && !isCalendarDate(birthday)) problems.push(`birthday "${birthday.slice(0, 20)}" is not a date as YYYY-MM-DD`);
  if (problems.length) return { error: problems.join("; ") };
  return {
    row: {
      line,
      customerId: id,
      email: mail || null,
      name: name || null,
      points: balance as number,
      birthday: birthday || null,
      tierPoints: tier as number,
    },
  };
}
