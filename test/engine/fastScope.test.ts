// The Set-based scope plugin must accept and reject exactly what stock acorn does.
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
];

function outcome(parser: typeof acorn.Parser, code: string, sourceType: 'module' | 'script'): string {
  try {
    return JSON.stringify(parser.parse(code, { ecmaVersion: 'latest', sourceType }), (k, v) => (k === 'parent' ? undefined : v));
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
