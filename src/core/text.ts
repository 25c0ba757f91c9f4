/** Quotes are compared with runs of whitespace folded to one space on both sides. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
