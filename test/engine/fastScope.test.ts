// The parser's plugins (Set-based scopes, word sets, nodes built with their
// final shape) must accept and reject exactly what stock acorn does.
import * as assert from 'assert';
import * as acorn from 'acorn';
import { FastParser } from '../../src/engine/parse';

const cases: Array<[string, 'module' | 'script']> = [
  ['let a; let a;', 'script'],
  ['let a; var a;', 'script'],
  ['var a; let a;', 'script'],
  ['var a; var a; function a() {}', 'script'],
  ['function f() {} let f;', 'script'],
  ['function f() {} function f() {}', 'module'],
  ['function f() {} function f() {}', 'script'],
  ['{ function f() {} function f() {} }', 'script'],
  ['try {} catch (e) { var e; }', 'script'],
  ['try {} catch (e) { let e; }', 'script'],
  ['try {} catch ([e]) { var e; }', 'script'],
  ['export { x }; var x;', 'module'],
  ['export { y };', 'module'],
  ['const c = 1; { const c = 2; }', 'module'],
  ['class A {} class A {}', 'script'],
  ['for (let i of x) { var i; }', 'script'],
  ['switch (x) { case 1: let a; case 2: let a; }', 'script'],
  ['(function (a, a) {})', 'script'],
  ['(function (a, a) { "use strict" })', 'script'],
  ['label: { let x; } var x;', 'script'],
  // Calls and member expressions built by the plugin: the same errors as acorn's.
  ['f({ a = 1 });', 'script'],
  ['f(a,, b);', 'script'],
  ['f(a, ...b, c,);', 'script'],
  ['f((a) = 1);', 'script'],
  ['async function g() { f(await x, (await) => 1); }', 'module'],
  ['function* g() { f(yield, (yield) => 1); }', 'script'],
  ['a.#x;', 'script'],
  ['class A { #x; m() { return this.#x + a?.b.#x; } }', 'script'],
  ['new a.b(c)(d).e;', 'script'],
  ['a.b.c = d + e || f;', 'script'],
  ['x = 1n + 0x2n; y = "a" + /re/g;', 'script'],
  ['a.await; a.yield; a.class; a.function(); a.default;', 'module'],
  ['o = { a, b: 1, [c]: 2, d() {}, get e() {}, set e(v) {}, async *f() {}, ...g, "h": 3, 4: 5 }; ({ a, b: [c] = 1, ...d } = o);', 'script'],
  ['({ a = 1 });', 'script'],
  ['({ __proto__: 1, __proto__: 2 });', 'script'],
  // Words and regex literals read by fastTokens: the same tokens and errors as acorn's.
  ['var \\u0061b = 1, caf\u00e9 = 2, \u{1d4d0}x = 3, $_9 = a\\u{62};', 'script'],
  ['var a\\u0020 = 1;', 'script'],
  ['x = /[/]\\//g.test(y) ? /a(?<n>b)\\k<n>/u : /[\\p{L}--\\p{N}]/v;', 'script'],
  ['x = /a/gg;', 'script'],
  ['x = /(?<n>a)(?<n>b)/;', 'script'],
  ['x = /a{2,1}/;', 'script'],
  ['x = /\\p{Nope}/u;', 'script'],
  ['x = /[/;', 'script'],
  ['x = /a\n/;', 'script'],
  ['x = /a/\\u0067;', 'script'],
  ['x = /\\k<a>/; y = /(?<a>.)\\k<b>/;', 'script'],
  ['x = /(?i:a)|{|}|]/;', 'script'],
  ['s = "plain" + \'it\\\'s\' + "a\\nb" + "\u2028" + "\\u{1F600}" + "";', 'script'],
  ['s = "unterminated', 'script'],
  ['s = "line\nbreak";', 'script'],
  ['s = "\\08";', 'module'],
  ['t = `a${b}c${`d${e}`}f` + `line\nline\u2028` + `\\x41\\u{42}` + `$ {}$` + `` + `${a}${b}`;', 'script'],
  ['t = `cr\r\nlf`;', 'script'],
  ['t = tag`\\unicode and \\u{110000}`;', 'script'],
  ['t = `\\unicode`;', 'script'],
  ['t = `unterminated', 'script'],
];

/**
 * The tree as JSON. Stock acorn's templates without substitutions are written as the string
 * literals the engine's parser makes of them (its one deliberate difference; tagged ones stay).
 */
function outcome(parser: typeof acorn.Parser, code: string, sourceType: 'module' | 'script'): string {
  try {
    return JSON.stringify(parser.parse(code, { ecmaVersion: 'latest', sourceType }), (k, v) => {
      if (k === 'parent') return undefined;
      if (k === 'quasi' || v?.type !== 'TemplateLiteral' || v.expressions.length) return v;
      return { type: 'Literal', start: v.start, end: v.end, value: v.quasis[0].value.cooked, raw: code.slice(v.start, v.end) };
    });
  } catch (err) {
    return `error: ${(err as Error).message}`;
  }
}

describe('fastScope acorn plugin', () => {
  for (const [code, sourceType] of cases) {
    it(`${sourceType}: ${code}`, () => {
      assert.strictEqual(outcome(FastParser, code, sourceType), outcome(acorn.Parser, code, sourceType));
    });
  }
});
