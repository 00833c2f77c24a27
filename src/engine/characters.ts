// Look-alike, invisible and format characters: what makes two strings differ
// in a way a person reading them would not notice.

/** Characters that render like another one; each maps to its prototype. */
const CONFUSABLE_GROUPS: Record<string, string> = {
  "'": "'\u2019\u2018\u02BC\u02B9\u02BB\u02BD\u0060\u00B4\u2032\u2035\uFF07\u055A\u05F3",
  '"': '"\u201C\u201D\u201E\u201F\u2033\u02BA\u02DD\u05F4\uFF02',
  '-': '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D\u02D7\u2043',
  ' ': ' \u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000\u1680',
  '.': '.\u2024\uFF0E\u0701\u0702\uA4F8',
  ',': ',\u201A\uFF0C\u060D\u066B',
  ':': ':\u2236\uA789\uFF1A\u0589\u05C3\u16EC',
  ';': ';\u037E\uFF1B',
  '/': '/\u2215\u2044\uFF0F\u29F8\u2571',
  a: 'a\u0430\u0251', c: 'c\u0441\u03F2', e: 'e\u0435', i: 'i\u0456\u0131', j: 'j\u0458', o: 'o\u043E\u03BF\u0585',
  p: 'p\u0440\u03C1', s: 's\u0455', x: 'x\u0445', y: 'y\u0443', A: 'A\u0410\u0391', B: 'B\u0412\u0392', C: 'C\u0421',
  E: 'E\u0415\u0395', H: 'H\u041D\u0397', K: 'K\u041A\u039A', M: 'M\u041C\u039C', O: 'O0\u041E\u039F', P: 'P\u0420\u03A1',
  T: 'T\u0422\u03A4', X: 'X\u0425\u03A7',
  // ASCII look-alikes in many fonts: `P1ease` for `Please`, `0` for `O`.
  l: 'l1I|\u04CF',
};

const PROTOTYPE = new Map<string, string>();
for (const [proto, chars] of Object.entries(CONFUSABLE_GROUPS)) for (const ch of chars) PROTOTYPE.set(ch, proto);
/** One character that renders like several: an ellipsis for three full stops, a ligature for its letters. */
const EXPANSIONS: Record<string, string> = { '\u2026': '...', '\u2025': '..', '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl' };

/** Zero-width, joiners, bidi controls, variation selectors, tag characters: no visible glyph. */
export function isInvisible(cp: number): boolean {
  return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x2069) || cp === 0xFEFF || cp === 0x180E || cp === 0x00AD || cp === 0x034F ||
    (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0xE0000 && cp <= 0xE007F);
}

/** What a string looks like: confusables folded to one prototype, invisibles dropped. */
export function skeleton(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isInvisible(cp)) continue;
    out += PROTOTYPE.get(ch) ?? EXPANSIONS[ch] ?? ch;
  }
  return out;
}

/** Whether text holds a character a reader takes for another or does not see: a non-ASCII look-alike, an invisible one. */
export function hasHiddenCharacter(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x7f && (isInvisible(cp) || PROTOTYPE.has(ch) || Object.hasOwn(EXPANSIONS, ch))) return true;
  }
  return false;
}

/** Text a channel is made of: a look-alike or invisible character in it, or a separator on its own. */
export function isChannelText(s: string): boolean {
  return hasHiddenCharacter(s) || isSeparatorText(s);
}

/** A separator or space on its own (`"-"`, `"/"`, `" "`): a piece of a format. */
export function isSeparatorText(s: string): boolean {
  return s.length >= 1 && s.length <= 2 && [...s].every((c) => SEPARATORS.has(c));
}

/** `U+2019 ’` style names for evidence. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return isInvisible(cp) || cp === 0x20 ? hex : `${hex} ${ch}`;
}

/** The characters in which look-alike strings differ from each other (first differing ones). */
export function distinguishingChars(strings: string[]): string[] {
  const seen = new Set<string>();
  const all = strings.map((s) => [...s]);
  const common = new Set(all[0]);
  for (const chars of all.slice(1)) for (const ch of [...common]) if (!chars.includes(ch)) common.delete(ch);
  for (const chars of all) for (const ch of chars) if (!common.has(ch)) seen.add(ch);
  return [...seen];
}

/**
 * True when the strings are distinct but look the same: equal skeletons, and
 * the difference is in confusable or invisible characters.
 */
export function areLookAlikes(strings: string[]): boolean {
  const distinct = [...new Set(strings)];
  if (distinct.length < 2 || distinct.some((s) => s.length > 400)) return false;
  const sk = skeleton(distinct[0]);
  return distinct.every((s) => skeleton(s) === sk);
}

const SEPARATORS = new Set(['-', '/', '.', ':', ' ', '_', ',', '\u00A0', '\u2009']);

/** A separator, space or punctuation mark, or a character that renders like one (`\u2019`, `\u2215`); not a letter or digit. */
function isPunctuation(c: string): boolean {
  return SEPARATORS.has(c) || PROTOTYPE.has(c) && !/[A-Za-z0-9]/.test(PROTOTYPE.get(c)!);
}

/**
 * A replacement of one separator, space or punctuation mark by another: a change of format, not content.
 * (Letters and digits are content: `"1"` for `"0"` is another value, `"e"` for `"a"` another word.)
 */
export function isFormatFlip(from: string, to: string): boolean {
  if (from === to) return false;
  const f = from.replace(/^\\/, '');
  return isPunctuation(f) && (isPunctuation(to) || to === '');
}

/** Text written with one separator for another wherever they differ (`"2026/01/01"` for `"2026-01-01"`): the two separators. */
export function separatorSwap(from: string, to: string): { from: string; to: string } | undefined {
  const a = [...from];
  const b = [...to];
  if (a.length !== b.length || a.length > 400) return undefined;
  let pair: [string, string] | undefined;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (pair ? pair[0] !== a[i] || pair[1] !== b[i] : !isFormatFlip(a[i], b[i])) return undefined;
    pair ??= [a[i], b[i]];
  }
  return pair && { from: pair[0], to: pair[1] };
}

/** Unicode names of the characters channels use, for people (the rest go by code point). */
const CHAR_NAMES: Record<number, string> = {
  0x20: 'SPACE', 0x27: 'APOSTROPHE', 0x22: 'QUOTATION MARK', 0x2d: 'HYPHEN-MINUS', 0x2f: 'SOLIDUS', 0x2e: 'FULL STOP', 0x3a: 'COLON', 0x0a: 'LINE FEED',
  0xa0: 'NO-BREAK SPACE', 0xad: 'SOFT HYPHEN', 0x2b9: 'MODIFIER LETTER PRIME', 0x2bb: 'MODIFIER LETTER TURNED COMMA', 0x2bc: 'MODIFIER LETTER APOSTROPHE',
  0x2026: 'HORIZONTAL ELLIPSIS', 0x2010: 'HYPHEN', 0x2011: 'NON-BREAKING HYPHEN', 0x2013: 'EN DASH', 0x2014: 'EM DASH', 0x2018: 'LEFT SINGLE QUOTATION MARK', 0x2019: 'RIGHT SINGLE QUOTATION MARK',
  0x201c: 'LEFT DOUBLE QUOTATION MARK', 0x201d: 'RIGHT DOUBLE QUOTATION MARK', 0x2032: 'PRIME', 0x2009: 'THIN SPACE', 0x202f: 'NARROW NO-BREAK SPACE',
  0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER', 0x2060: 'WORD JOINER', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0x2212: 'MINUS SIGN', 0x2215: 'DIVISION SLASH', 0xff07: 'FULLWIDTH APOSTROPHE', 0x3000: 'IDEOGRAPHIC SPACE', 0x430: 'CYRILLIC SMALL LETTER A', 0x435: 'CYRILLIC SMALL LETTER IE', 0x43e: 'CYRILLIC SMALL LETTER O',
};

/** `RIGHT SINGLE QUOTATION MARK (U+2019)`: a character by name and code point, never as an escape. */
export function charName(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return CHAR_NAMES[cp] ? `${CHAR_NAMES[cp]} (${hex})` : hex;
}
