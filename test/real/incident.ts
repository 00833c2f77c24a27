// The incident's evidence, checked the same way wherever the bundle lives
// (the npm cli.js of 2.1.91, the module embedded in the native builds).
import * as assert from 'assert';
import { LineIndex } from '../../src/engine/lines';
import type { Finding } from '../../src/engine/types';

export interface Scanned { text: string; findings: Finding[] }

/** Registers the evidence tests; `get` returns the scanned text and its findings (call it inside the tests). */
export function incidentEvidence(get: () => Scanned): void {
  const at = (needle: RegExp) => {
    const { text } = get();
    const offset = text.search(needle);
    assert.ok(offset >= 0, `${needle} is in the bundle`);
    return new LineIndex(text).position(offset);
  };
  const byRule = (id: string) => get().findings.filter((f) => f.ruleId === id);

  it('names Asia/Shanghai and Asia/Urumqi, at the comparisons', () => {
    const zones = byRule('geo-org-comparison').filter((f) => f.evidence.comparedWith && (f.evidence.comparedWith as string[]).includes('zone'));
    const values = zones.flatMap((f) => f.evidence.values as string[]);
    assert.ok(values.includes('Asia/Shanghai') && values.includes('Asia/Urumqi'), values.join());
    const p = at(/==="Asia\/Shanghai"/);
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
    assert.strictEqual(lookAlike.line, at(/return"(?:\u2019|\\u2019)"/).line);
    const flip = channels.find((f) => f.evidence.kind === 'format-flip');
    assert.ok(flip);
    assert.deepStrictEqual([flip.evidence.from, flip.evidence.to], ['-', '/']);
    const p = at(/\w\.replace(?:All)?\((?:\/-\/g|"-"),"\/"\)/);
    assert.strictEqual(flip.line, p.line);
    assert.match(String((flip.evidence.sink as { text: string }).text), /date is/);
  });
}
