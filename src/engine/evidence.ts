// Helpers for writing evidence that a person can read.

/** `a, b, c and 144 more` */
export function shortList(items: string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** Shows a string with its invisible or look-alike characters spelled out. */
export function showString(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += cp < 0x7f && cp >= 0x20 ? ch : `\\u{${cp.toString(16).toUpperCase()}}`;
  }
  return JSON.stringify(out).replace(/\\\\u/g, '\\u');
}
