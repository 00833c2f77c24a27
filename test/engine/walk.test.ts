// The engine's walk must reach every node acorn-walk's full walk reaches, with correct parents.
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import * as walk from 'acorn-walk';
import { VISITED_TYPES, type Node } from '../../src/engine/ast';
import { parse } from '../../src/engine/parse';
import { forEachChild, traverse } from '../../src/engine/walk';

const SAMPLE = `
import a, { b as c } from "m"; export * from "n"; export default class K extends a { #p = 1; static { this.x = 1; } get g() { return this.#p; } }
label: for (const [x, { y = 2, ...z }] of list) { if (x) continue label; else break; }
async function* gen(q = 1, ...rest) { yield* rest; await q; for await (const v of q) {} }
const t = tag\`a\${b}c\`; const o = { k: 1, [c]: 2, m() {}, get n() { return 1; }, ...s };
try { throw new Error(\`x\`); } catch ({ message }) {} finally {}
switch (a?.b?.(c)) { case 1: x ??= 2; break; default: y ||= new.target; }
(function () { "use strict"; return import("x"); })(); class L { static #q; m() { return #q in this; } }
`;

function visitedByAcornWalk(ast: Node): Set<Node> {
  const seen = new Set<Node>();
  walk.full(ast as never, (n) => { seen.add(n as unknown as Node); });
  return seen;
}

describe('walk', () => {
  const texts = [SAMPLE, ...['fingerprinting', 'benign'].flatMap((g) => {
    const dir = path.join(__dirname, '..', 'fixtures', g);
    return readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8'));
  })];
  it('indexes only the assignments that stay assignments (not defaults acorn turns into patterns)', () => {
    const { index } = parse('[a = 1] = b; const f = (c = 2) => c; ({ d = 3 } = e); g = 4;');
    assert.deepStrictEqual([...index!.assignments.keys()], ['g']);
  });

  texts.forEach((text, i) => {
    it(`reaches every node acorn-walk reaches (sample ${i})`, () => {
      const { ast } = parse(text);
      const ours = new Set<Node>();
      traverse(ast, new Proxy({}, { get: () => [(n: Node) => ours.add(n)] }) as never);
      for (const n of visitedByAcornWalk(ast)) assert.ok(ours.has(n), `missed ${n.type} at ${n.start}`);
      for (const n of ours) if (n !== ast) assert.ok(n.parent && n.start >= n.parent.start && n.end <= n.parent.end, `${n.type} parent encloses it`);
    });

    it(`parser links, node list and name indexes agree with the walk (sample ${i})`, function () {
      const { ast, index } = parse(text);
      if (!index) this.skip(); // recovered with acorn-loose: the walk links that tree
      const { nodes, visited, calls, assignments } = index;
      const parserParents = new Map<Node, Node | null | undefined>();
      const snapshot = (n: Node): void => { parserParents.set(n, n.parent); forEachChild(n, snapshot); };
      snapshot(ast);
      traverse(ast, {});
      for (const [n, parent] of parserParents) assert.strictEqual(parent, n.parent, `${n.type} at ${n.start}: parser's parent is the walk's`);
      const expected = [...parserParents.keys()].filter((n) => n.type !== 'Identifier' && n.type !== 'Literal');
      assert.strictEqual(new Set(nodes).size, nodes!.length, 'each node recorded once');
      assert.deepStrictEqual(new Set(nodes), new Set(expected), 'every node but identifiers and literals recorded');
      assert.deepStrictEqual(visited, nodes.filter((n) => VISITED_TYPES.has(n.type)), 'the visited types listed apart, in the same order');
      const byName = (type: string, id: (n: Node) => Node) => {
        const m = new Map<string, Node[]>();
        for (const n of expected) if (n.type === type && id(n).type === 'Identifier') m.set(id(n).name, [...(m.get(id(n).name) ?? []), n]);
        return m;
      };
      assert.deepStrictEqual(calls, byName('CallExpression', (n) => n.callee), 'calls by callee name');
      assert.deepStrictEqual(assignments, byName('AssignmentExpression', (n) => n.left), 'assignments by name');
    });

    it(`links every node to its parent without visitors (sample ${i})`, () => {
      const { ast } = parse(text);
      traverse(ast, {});
      for (const n of visitedByAcornWalk(ast)) {
        if (n === ast) continue;
        assert.ok(n.parent && n.start >= n.parent.start && n.end <= n.parent.end, `${n.type} at ${n.start} has an enclosing parent`);
      }
    });
  });
});
