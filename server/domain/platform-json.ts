/**
 * JSON.parse for platform payloads whose ids are integers too large for a JavaScript number (Shopify's documented
 * examples use ids such as 820982911946154508, past 2^53): integer literals of 16 digits or more, outside strings, are
 * read as strings, so `String(order.id)` is the id that was sent.
 */
export function parseWithLongIntegers(text: string): unknown {
  let out = "";
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if ((char === "-" || (char !== undefined && char >= "0" && char <= "9")) && !/[\w.]/.test(text[i - 1] ?? "")) {
      let end = i + 1;
      while (end < text.length && /[0-9]/.test(text[end] ?? "")) end++;
      const literal = text.slice(i, end);
      const next = text[end] ?? "";
      if (literal.replace("-", "").length >= 16 && next !== "." && next !== "e" && next !== "E") {
        out += `${text.slice(from, i)}"${literal}"`;
        from = end;
      }
      i = end - 1;
    }
  }
  return JSON.parse(out + text.slice(from));
}

/** An id as text, whether the payload had it as a number or a string; null when absent or empty. */
export const idText = (value: unknown): string | null =>
  (typeof value === "number" && Number.isInteger(value)) || (typeof value === "string" && value.trim() !== "") ? String(value).trim() : null;
