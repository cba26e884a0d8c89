/** Lower case with accents folded: "Lucía Fernández" and "lucia fernandez" are found by the same words. */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The distinct words of a name as they are searched: folded, split on anything but letters and digits, at most 64 characters each. */
export function searchWords(name: string): string[] {
  const words = foldText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word.slice(0, 64));
  return [...new Set(words)].slice(0, 20);
}
