// The extended parser (Set scopes, word sets, linked tree, nodes built with
// their final shape) must build exactly the tree stock acorn builds, but for one
// deliberate difference: a template without substitutions is the string literal it is.
import * as assert from 'assert';
import * as acorn from 'acorn';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { fetchPackage } from '../../bench/realPackages';
import { parse } from '../../src/engine/parse';
import { generateBundle } from '../hardening/bundle';

const fixtures = path.join(__dirname, '..', 'fixtures');

/** A leaf value as JSON would give it (regexes as their source, bigints with their suffix). */
function leaf(v: unknown): unknown {
  return v instanceof RegExp ? String(v) : typeof v === 'bigint' ? `${v}n` : v;
}

/**
 * Asserts two trees are the same, parent links aside, naming the first place they differ.
 * (Walked side by side: the JSON of a 13 MB bundle's two trees took most of this test's time.)
 */
function assertSameTree(ours: unknown, theirs: unknown, text: string): void {
  const stack: Array<[unknown, unknown, string]> = [[ours, theirs, '$']];
  while (stack.length) {
    const [a, b, at] = stack.pop()!;
    const t = b as { type?: string; expressions?: unknown[]; quasis?: Array<{ value: { cooked: string } }>; start: number; end: number };
    if (t?.type === 'TemplateLiteral' && !t.expressions!.length && !at.endsWith('.quasi')) {
      stack.push([a, { type: 'Literal', start: t.start, end: t.end, value: t.quasis![0].value.cooked, raw: text.slice(t.start, t.end) }, at]);
      continue;
    }
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || a instanceof RegExp || b instanceof RegExp) {
      assert.deepStrictEqual(leaf(a), leaf(b), at);
      continue;
    }
    const keys = (o: object) => Object.keys(o).filter((k) => k !== 'parent' && (o as Record<string, unknown>)[k] !== undefined);
    const ka = keys(a);
    assert.deepStrictEqual(ka, keys(b), `${at}: keys`);
    for (const k of ka) stack.push([(a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`]);
  }
}

function same(text: string): void {
  const ours = parse(text);
  const options: acorn.Options = { ecmaVersion: 'latest', allowHashBang: true, allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true, allowImportExportEverywhere: true, allowReserved: true, sourceType: ours.sourceType === 'module' ? 'module' : 'script' };
  assertSameTree(ours.ast, acorn.parse(text, options), text);
}

describe('engine: the extended parser', () => {
  const samples: Array<[string, string]> = [
    ['keywords as names, bigints, regexes, private names, optional chains', `class A { #x = 1; static #y; get #z() { return this.#x; } m() { return #x in this; } }
      const o = { default: 1, class: 2, function: 3, new: 4 }; o.default + o.class; a?.b?.[c]?.(d); a.b.c(d)[e].f;
      const big = 10n ** 20n + 0x1fn; const re = /[a-z]+/giu; const s = "it's" + 'x' + \`t\${s}\` + \`plain\\u0041\` + String.raw\`raw\`;
      x = (a || b && c) ?? 0; y = a ** 2 | b & c ^ d << 1 >>> 2; z = import.meta.url; async function g() { return await new.target; }`],
    ...readdirSync(path.join(fixtures, 'fingerprinting')).map((f): [string, string] => [f, readFileSync(path.join(fixtures, 'fingerprinting', f), 'utf8')]),
    ...readdirSync(path.join(fixtures, 'evasion')).map((f): [string, string] => [f, readFileSync(path.join(fixtures, 'evasion', f), 'utf8')]),
    ['a generated 1 MB bundle', generateBundle(1_000_000, { withFingerprint: true })],
  ];
  for (const [name, text] of samples) it(name, () => same(text));

  it('the real Claude Code 2.1.91 bundle', function () {
    this.timeout(300_000);
    const pkg = fetchPackage('@anthropic-ai/claude-code@2.1.91');
    if (!pkg.dir) {
      console.log(`      skipped: ${pkg.reason}`);
      this.skip();
    }
    same(readFileSync(path.join(pkg.dir!, 'cli.js'), 'utf8'));
  });
});

describe('engine: text that is not JavaScript', () => {
  const noise = (first: string, n: number) => {
    let seed = 7;
    let s = first;
    for (let i = 0; i < n; i++) s += String.fromCharCode((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);
    return s;
  };
  const cases: Array<[string, string, RegExp]> = [
    // A zstd frame (28 b5 2f fd) read as latin1 starts like a parenthesised expression.
    ['compressed data that starts with "("', noise('(\u00b5/\u00fd', 200_000), /not JavaScript \(binary data/],
    ['compressed data that starts with "{"', noise('{', 50_000), /not JavaScript \(binary data/],
    ['a damaged bundle is still recovered', 'var a = 1;\nfunction f() { return a +; }\nvar b = process.env.TZ;\n', /^ok$/],
    ['control characters inside one string literal are no binary data', 'var s = "\u0001\u0002";\nvar a = ;\n', /^ok$/],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      let got = 'ok';
      try { parse(text); } catch (err) { got = (err as Error).message; }
      assert.match(got, expected);
    });
  }
});
