// Text encodings of JavaScript as containers store it; shared by the file
// readers and the engine's threads (no other imports).

/** How a text's bytes are decoded: Bun stores modules as Latin-1 or UTF-16LE as well as UTF-8. */
export type TextEncoding = 'utf8' | 'latin1' | 'utf16le';

/** UTF-16LE text (a BOM, or ASCII with a NUL after every character), as Bun stores some modules. */
export function looksUtf16le(head: Buffer): boolean {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return true;
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 16) return false;
  let oddZero = 0;
  let evenZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  return oddZero > n / 2 * 0.9 && evenZero < n / 2 * 0.05;
}

