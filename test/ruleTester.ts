// Table-driven rule tests in the style of ESLint's RuleTester.
import * as assert from 'assert';
import { scanText } from '../src/engine/scan';
import type { Finding, Severity } from '../src/engine/types';

export interface InvalidCase {
  code: string;
  /** Expected findings of the rule under test, in order of line. */
  findings: Array<{ severity: Severity; line: number; message?: RegExp }>;
  /** Extra checks on the findings (decoded entries, characters...). */
  check?: (findings: Finding[]) => void;
}

export interface RuleTests {
  valid: string[];
  invalid: InvalidCase[];
}

function title(code: string): string {
  const first = code.trim().split('\n')[0];
  return first.length > 90 ? first.slice(0, 87) + '...' : first;
}

export function ruleTester(ruleId: string, tests: RuleTests): void {
  describe(ruleId, () => {
    describe('valid', () => {
      for (const code of tests.valid) {
        it(title(code), () => {
          const r = scanText(code, { file: 'test.js', rules: [ruleId] });
          assert.strictEqual(r.error, undefined, r.error);
          const found = r.findings.filter((f) => f.ruleId === ruleId);
          assert.deepStrictEqual(found.map((f) => `${f.severity} ${f.line}: ${f.message}`), []);
        });
      }
    });
    describe('invalid', () => {
      for (const c of tests.invalid) {
        it(title(c.code), () => {
          const r = scanText(c.code, { file: 'test.js', rules: [ruleId] });
          assert.strictEqual(r.error, undefined, r.error);
          const found = r.findings.filter((f) => f.ruleId === ruleId).sort((a, b) => a.line - b.line || a.column - b.column);
          assert.deepStrictEqual(found.map((f) => ({ severity: f.severity, line: f.line })), c.findings.map((f) => ({ severity: f.severity, line: f.line })),
            `got: ${found.map((f) => `${f.severity} ${f.line}: ${f.message}`).join("\n")}\n${c.code}`);
          c.findings.forEach((f, i) => { if (f.message) assert.match(found[i].message, f.message); });
          c.check?.(found);
        });
      }
    });
  });
}
