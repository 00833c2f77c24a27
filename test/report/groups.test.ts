// groupFindings: one entry per mechanism, repeated statements folded, nothing lost.
import * as assert from 'assert';
import { groupFindings } from '../../src/report/groups';
import type { EvidenceStep, Finding, Severity } from '../../src/engine/types';

function finding(ruleId: string, severity: Severity, summary: string, line: number, column: number, chain: Array<[EvidenceStep['role'], number, number]> = [], file = 'cli.js'): Finding {
  return {
    ruleId, severity, summary, message: summary, file, line, column, endLine: line, endColumn: column + 1,
    evidence: { chain: chain.map(([role, l, c]) => ({ role, label: role, line: l, column: c })) },
  };
}

// The incident's shape: two channels, each steered by its own comparisons; two concealed lists.
const apostrophe = finding('covert-channel', 'critical', 'Swaps characters that look alike', 9, 90, [['source', 1, 1], ['comparison', 9, 50], ['comparison', 9, 60], ['channel', 9, 90], ['sink', 9, 99]]);
const dateFlip = finding('covert-channel', 'critical', 'Changes "-" to "/"', 9, 95, [['source', 2, 1], ['comparison', 9, 10], ['comparison', 9, 20], ['channel', 9, 95], ['sink', 9, 99]]);
const hosts = finding('concealed-table', 'critical', 'Hides a list of 147 hosts', 9, 200, [['table', 9, 200], ['comparison', 9, 50]]);
const keywords = finding('concealed-table', 'critical', 'Hides a list of 11 keywords', 9, 300, [['table', 9, 300], ['comparison', 9, 60]]);
const zoneA = finding('geo-org-comparison', 'high', 'Checks your time zone against Asia/Shanghai', 9, 10);
const zoneB = finding('geo-org-comparison', 'high', 'Checks your time zone against Asia/Urumqi', 9, 20);
const hostCheck = finding('geo-org-comparison', 'high', 'Checks the API address against hosts', 9, 50);
const keywordCheck = finding('geo-org-comparison', 'high', 'Checks the API address against keywords', 9, 60);
const lonelyTable = finding('concealed-table', 'critical', 'Hides a list of 3 zones', 40, 1, [['table', 40, 1], ['comparison', 41, 5]]);
const lonelyCheck = finding('geo-org-comparison', 'high', 'Checks your time zone against 3 zones', 41, 5);
const send = (line: number) => finding('fingerprint-exfiltration', 'medium', 'Turns your host name into a stable hashed id', line, 3, [['source', line, 1], ['sink', line, 3]]);
const low = (line: number, file = 'cli.js') => finding('geo-org-comparison', 'low', 'Checks your locale against zh-CN', line, 1, [], file);

const cases: Array<{ name: string; findings: Finding[]; groups: Array<{ lead: Finding; parts?: Finding[]; repeats?: number }> }> = [
  {
    name: 'the incident: two channels into one prompt line, with their comparisons and concealed lists, are one mechanism',
    findings: [zoneA, hosts, apostrophe, keywordCheck, zoneB, dateFlip, hostCheck, keywords],
    groups: [{ lead: apostrophe, parts: [hosts, keywords, hostCheck, keywordCheck, dateFlip, zoneA, zoneB] }],
  },
  {
    name: 'channels into different sinks stay apart',
    findings: [apostrophe, { ...dateFlip, evidence: { chain: dateFlip.evidence.chain.map((s) => (s.role === 'sink' ? { ...s, column: 300 } : s)) } }, zoneA],
    groups: [{ lead: apostrophe }, { lead: dateFlip, parts: [zoneA] }],
  },
  { name: 'a concealed list outside any channel leads its own comparison', findings: [lonelyCheck, lonelyTable], groups: [{ lead: lonelyTable, parts: [lonelyCheck] }] },
  { name: 'the same statement in three places is one entry', findings: [send(3), send(7), send(11)], groups: [{ lead: send(3), repeats: 2 }] },
  { name: 'different statements stay apart', findings: [zoneA, zoneB], groups: [{ lead: zoneA }, { lead: zoneB }] },
  { name: 'a comparison in another file is not a part', findings: [dateFlip, { ...zoneA, file: 'other.js' }], groups: [{ lead: dateFlip }, { lead: { ...zoneA, file: 'other.js' } }] },
  { name: 'repeats across modules fold, most severe first', findings: [low(1, 'a.js'), send(2), low(5, 'b.js')], groups: [{ lead: send(2) }, { lead: low(1, 'a.js'), repeats: 1 }] },
  { name: 'no findings, no groups', findings: [], groups: [] },
];

describe('groupFindings', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = groupFindings(c.findings);
      assert.deepStrictEqual(got.map((g) => ({ lead: g.lead.summary, parts: g.parts.map((p) => p.summary).sort(), repeats: g.repeats.length })),
        c.groups.map((g) => ({ lead: g.lead.summary, parts: (g.parts ?? []).map((p) => p.summary).sort(), repeats: g.repeats ?? 0 })));
      // Every finding is in exactly one group.
      assert.strictEqual(got.reduce((n, g) => n + 1 + g.parts.length + g.repeats.length, 0), c.findings.length);
    });
  }
});
