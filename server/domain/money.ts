/** Decimal places of a currency (EUR 2, JPY 0, KWD 3), from the platform's own tables. */
export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}
const digitsByCurrency = new Map<string, number>();

/** "59.90" EUR → 5990 (minor units, an exact integer), or null when it has more decimals than the currency. */
export function toMinor(amount: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const [whole = "0", fraction = ""] = amount.split(".");
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** 5990 EUR → "59.90". */
export function fromMinor(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
