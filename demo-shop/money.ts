/** Euros as whole cents: every sum in the shop is an integer, never a float. */
export type Cents = number;

/** "59.90" → 5990; null for anything that is not a plain amount with at most two decimals. */
export function parseCents(amount: string): Cents | null {
  const match = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(amount);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** 5990 → "59.90", the decimal string the loyalty endpoint expects. */
export function toDecimal(cents: Cents): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** 5990 → "59,90 €" (es) or "€59.90" (en). */
export function formatEuros(cents: Cents, locale: string): string {
  return new Intl.NumberFormat(locale === "en" ? "en-IE" : "es-ES", { style: "currency", currency: "EUR" }).format(cents / 100);
}
