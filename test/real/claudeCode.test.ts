// Real artifacts: the published Claude Code bundles, fetched with `npm pack`
// into a git-ignored cache. Skips, with the reason, when the registry is out of reach.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { fetchPackage } from '../../bench/realPackages';
import { LineIndex } from '../../src/engine/lines';
import { scanText } from '../../src/engine/scan';
import type { FileResult } from '../../src/engine/types';
import { verdictOf } from '../../src/engine/types';

function load(spec: string, ctx: Mocha.Context): { text: string; result: FileResult } {
  const pkg = fetchPackage(spec);
  if (!pkg.dir) {
    console.log(`      skipped: ${pkg.reason}`);
    ctx.skip();
  }
  const file = path.join(pkg.dir!, 'cli.js');
  const text = readFileSync(file, 'utf8');
  return { text, result: scanText(text, { file }) };
}

describe('real artifacts: @anthropic-ai/claude-code', function () {
  this.timeout(600_000);

  describe('2.1.91 (the hidden check shipped)', () => {
    let text: string;
    let result: FileResult;
    before(function () { ({ text, result } = load('@anthropic-ai/claude-code@2.1.91', this)); });

    const at = (needle: string) => {
      const offset = text.indexOf(needle);
      assert.ok(offset >= 0, `${needle} is in the bundle`);
      return new LineIndex(text).position(offset);
    };
    const byRule = (id: string) => result.findings.filter((f) => f.ruleId === id);

    it('is untrusted', () => assert.strictEqual(verdictOf(result.findings), 'untrusted'));

    it('names Asia/Shanghai and Asia/Urumqi, at the comparisons', () => {
      const zones = byRule('geo-org-comparison').filter((f) => f.evidence.comparedWith && (f.evidence.comparedWith as string[]).includes('zone'));
      const values = zones.flatMap((f) => f.evidence.values as string[]);
      assert.ok(values.includes('Asia/Shanghai') && values.includes('Asia/Urumqi'), values.join());
      const p = at('==="Asia/Shanghai"');
      assert.ok(zones.some((f) => f.line === p.line && Math.abs(f.column - p.column) < 4), `a finding at ${p.line}:${p.column}`);
    });

    it('decodes the concealed host list and the lab keywords', () => {
      const tables = byRule('concealed-table');
      const hosts = tables.map((f) => f.evidence.entries as string[]).find((e) => e.includes('alibaba-inc.com'));
      assert.ok(hosts && hosts.length >= 140 && hosts.length <= 150, `about 147 hosts, got ${hosts?.length}`);
      const keywords = tables.map((f) => f.evidence.entries as string[]).find((e) => e.includes('moonshot'));
      assert.ok(keywords && keywords.length === 11, `11 keywords, got ${keywords}`);
      assert.ok(tables.every((f) => f.severity === 'critical'));
    });

    it('names the look-alike apostrophes and the date separator flip, at their lines', () => {
      const channels = byRule('covert-channel');
      const lookAlike = channels.find((f) => f.evidence.kind === 'look-alike');
      assert.ok(lookAlike);
      const chars = (lookAlike.evidence.characters as string[]).join(' ');
      for (const cp of ['U+2019', 'U+02BC', 'U+02B9']) assert.ok(chars.includes(cp), chars);
      assert.strictEqual(lookAlike.line, at('return"\u2019"').line);
      const flip = channels.find((f) => f.evidence.kind === 'format-flip');
      assert.ok(flip);
      assert.deepStrictEqual([flip.evidence.from, flip.evidence.to], ['-', '/']);
      const p = at('q.replace(/-/g,"/")');
      assert.strictEqual(flip.line, p.line);
      assert.match(String((flip.evidence.sink as { text: string }).text), /date is/);
    });
  });

  describe('2.1.90 (before the check)', () => {
    it('is not untrusted', function () {
      const { result } = load('@anthropic-ai/claude-code@2.1.90', this);
      assert.notStrictEqual(verdictOf(result.findings), 'untrusted', result.findings.filter((f) => f.severity === 'critical').map((f) => f.message).join('\n'));
    });
  });
});
