// Reprinting minified code for people: acorn parses a piece, astring (an
// ESTree code generator) prints it with indentation. No vscode here, so it is
// unit-tested.
import * as acorn from 'acorn';
import { LooseParser } from 'acorn-loose';
import { generate } from 'astring';

/** Reprints a piece of code readably; falls back to the raw text when it is not a whole construct. */
export function reprint(code: string): string {
  const attempts = [code, `(${code})`, `({${code}})`, `class X{${code}}`];
  for (const attempt of attempts) {
    try {
      return generate(acorn.parse(attempt, { ecmaVersion: 'latest', sourceType: 'module', allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true }) as never, { indent: '  ' }).trim();
    } catch {
      // try the next wrapping
    }
  }
  try {
    return generate(LooseParser.parse(code, { ecmaVersion: 'latest' }) as never, { indent: '  ' }).trim();
  } catch {
    return code;
  }
}

/** Marks the lines of the reprinted excerpt that hold the flagged code. */
export function mark(excerpt: string, flagged: string): string {
  const needle = reprint(flagged).split('\n')[0].replace(/;$/, '').trim();
  const lines = excerpt.split('\n');
  let hit = needle.length >= 3 ? lines.findIndex((l) => l.includes(needle)) : -1;
  if (hit < 0) hit = lines.findIndex((l) => l.includes(needle.slice(0, 24)));
  return lines.map((l, i) => `${i === hit ? '/*▶*/ ' : '      '}${l}`).join('\n');
}

