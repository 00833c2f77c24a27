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

const YOUR: Array<[number, string]> = [
  [1, 'your time zone'], [32, 'your UTC offset'], [2, 'your language and region settings'],
  [4, 'the API address you configured'], [8, 'your proxy'], [16, "your computer's name, user or network address"],
  [128, 'the cloud region you configured'], [256, 'the editor you use'],
];

/** What a flow's kinds are, said to the user: "your time zone or the API address you configured". */
export function yourSources(kinds: number): string {
  const names = YOUR.filter(([k]) => kinds & k).map(([, name]) => name);
  return names.length ? names.join(' or ') : 'a value from another part of the program';
}

/** Text cut at a word boundary, never mid-word, with an ellipsis when cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, '')}…`;
}
