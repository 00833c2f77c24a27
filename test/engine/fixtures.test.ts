// Realistic fixture files, annotated `// expect: rule-id`, `// ok: rule-id` and `// verdict: v`.
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { scanText } from '../../src/engine/scan';
import { verdictOf } from '../../src/engine/types';

const root = path.join(__dirname, '..', 'fixtures');

function annotation(text: string, key: string): string[] {
  const m = new RegExp(`^// ${key}: (.+)$`, 'm').exec(text);
  return m ? m[1].split(',').map((s) => s.trim()) : [];
}

for (const group of ['fingerprinting', 'benign']) {
  describe(`fixtures: ${group}`, () => {
    for (const name of readdirSync(path.join(root, group)).filter((f) => f.endsWith('.js'))) {
      it(name, () => {
        const text = readFileSync(path.join(root, group, name), 'utf8');
        const r = scanText(text, { file: name });
        assert.strictEqual(r.error, undefined);
        const rules = new Set(r.findings.map((f) => f.ruleId));
        const summary = r.findings.map((f) => `${f.severity} ${f.ruleId} ${f.line}: ${f.message}`).join('\n');
        for (const id of annotation(text, 'expect')) assert.ok(rules.has(id), `expected ${id}; got:\n${summary}`);
        for (const id of annotation(text, 'ok')) {
          const noisy = r.findings.filter((f) => f.ruleId === id && f.severity !== 'low' && f.severity !== 'info');
          assert.deepStrictEqual(noisy.map((f) => f.message), [], `${id} should stay quiet`);
        }
        const [verdict] = annotation(text, 'verdict');
        assert.strictEqual(verdictOf(r.findings), verdict, summary);
      });
    }
  });
}
