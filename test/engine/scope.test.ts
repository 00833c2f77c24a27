// Scope resolution: which declaration a name refers to, where names shadow one another.
import * as assert from 'assert';
import type { Node } from '../../src/engine/ast';
import { parse } from '../../src/engine/parse';
import { ScopeResolver } from '../../src/engine/scope';
import { forEachChild } from '../../src/engine/walk';

/** The binding kind each `name` resolves to, in source order (`-` where it resolves to none). */
function kinds(code: string, name: string): string[] {
  const { ast } = parse(code);
  const scopes = new ScopeResolver();
  const out: Array<[number, string]> = [];
  const visit = (n: Node) => {
    if (n.type === 'Identifier' && n.name === name) out.push([n.start, scopes.resolve(n)?.kind ?? '-']);
    forEachChild(n, visit);
  };
  visit(ast);
  return out.sort((a, b) => a[0] - b[0]).map(([, k]) => k);
}

describe('scope', () => {
  const cases: Array<[string, string, string, string[]]> = [
    ['a parameter named as its function declaration', 'function s(s) { return s.tz; }\ns(env);', 's', ['function', 'param', 'param', 'function']],
    ['a parameter named as its function expression', 'const f = function s(s) { return s; };', 's', ['-', 'param', 'param']],
    ['a function expression\'s own name inside it', 'const f = function g() { return g; };', 'g', ['function', 'function']],
    ['a declaration\'s name inside it', 'function h() { return h; }', 'h', ['function', 'function']],
    ['a parameter shadowing an outer variable', 'const n = [];\nfunction f(n) { return n; }', 'n', ['const', 'param', 'param']],
  ];
  for (const [title, code, name, expected] of cases) {
    it(title, () => assert.deepStrictEqual(kinds(code, name), expected));
  }
});
