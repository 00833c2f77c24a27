// SARIF 2.1.0 output for code scanning: one run, rules with help links, verdicts per artifact.
import { pathToFileURL } from 'url';
import { coverageSummary, PROGRAM_NOT_READ } from '../artifacts/coverage';
import { NATIVE_STRINGS } from '../artifacts/nativeStrings';
import { rules } from '../engine/rules';
import { inOwnFile, placeLabel, type Severity } from '../model/findings';
import type { ScanReport } from './model';

const DOCS = 'https://github.com/agent-xray/agent-xray/blob/main/docs/rules/';

function level(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
}

/** An unread program is a warning: the scan cannot vouch for it, whatever else it found. */
const ruleLevel = (m: { id: string; severity: Severity }) => (m.id === PROGRAM_NOT_READ.id ? 'warning' : level(m.severity));

const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '7.5', medium: '5.0', low: '2.0', info: '0.0' };

function uriOf(file: string): string {
  return /^[a-z]+:\/\//i.test(file) ? file : pathToFileURL(file).href;
}

export function toSarif(report: ScanReport): string {
  const ruleList = [...[...rules.values()].map((r) => r.meta), NATIVE_STRINGS, PROGRAM_NOT_READ];
  const artifacts = new Map<string, number>();
  const artifactList: object[] = [];
  const artifactIndex = (uri: string, props?: object) => {
    if (!artifacts.has(uri)) {
      artifacts.set(uri, artifactList.length);
      artifactList.push({ location: { uri }, ...(props ? { properties: props } : {}) });
    }
    return artifacts.get(uri)!;
  };
  for (const t of report.targets) artifactIndex(uriOf(t.path), { verdict: t.verdict, kind: t.kind, agent: t.agent, coverage: t.coverage, sends: t.sends ?? [], notAnalysed: t.notAnalysed });
  const results: object[] = report.targets.flatMap((t) => t.findings.map((f) => {
    const uri = uriOf(f.file);
    // Inside an executable or archive, or in decoded code, line and column count in that text, not in the file:
    // the location is the file, and the place inside it is in the message and in properties.
    const inside = !inOwnFile(f);
    const where = inside ? ` (at ${placeLabel(f)})` : '';
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleList.findIndex((m) => m.id === f.ruleId),
      level: level(f.severity),
      // Plain words first; the rule's technical message follows.
      message: { text: `${f.summary ? `${f.summary} Details: ${f.message}` : f.message}${where}` },
      locations: [{ physicalLocation: {
        artifactLocation: { uri, index: artifactIndex(uri) },
        ...(inside ? {} : { region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } }),
      } }],
      properties: {
        severity: f.severity, target: t.path, verdict: t.verdict, evidence: f.evidence,
        ...(inside ? { member: f.member, decoded: f.decoded, line: f.line, column: f.column } : {}),
      },
    };
  }));
  // Programs that were not read: one result per target, on the target, so CI shows what it could not vouch for.
  for (const t of report.targets) {
    if (!t.coverage || t.coverage.program === 'read' || t.verdict !== 'unscannable') continue;
    const uri = uriOf(t.path);
    const name = t.agent ? `${t.agent.name} ${t.agent.version}`.trim() : t.path;
    results.push({
      ruleId: PROGRAM_NOT_READ.id, ruleIndex: ruleList.indexOf(PROGRAM_NOT_READ), level: 'warning',
      message: { text: PROGRAM_NOT_READ.messages.unread.replace('{{name}}', name).replace('{{summary}}', t.coverage.read ? coverageSummary(t.coverage) : t.notAnalysed[0] ?? 'nothing could be read') },
      locations: [{ physicalLocation: { artifactLocation: { uri, index: artifactIndex(uri) } } }],
      properties: { severity: PROGRAM_NOT_READ.severity, target: t.path, verdict: t.verdict, coverage: t.coverage },
    });
  }
  // Policy violations: results on the policy file, so code scanning shows them where the team decides.
  if (report.policy) {
    const uri = uriOf(report.policy.file);
    for (const v of report.policy.violations) {
      results.push({
        ruleId: 'policy', ruleIndex: ruleList.length, level: 'error', message: { text: v.message },
        locations: [{ physicalLocation: { artifactLocation: { uri, index: artifactIndex(uri) }, region: { startLine: v.policyLine ?? 1 } } }],
        properties: { severity: 'high' as const, target: v.target ?? report.policy.file, verdict: v.rule, evidence: { chain: [], rule: v.rule, agent: v.agent } },
      });
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: {
        name: 'agent-xray', version: report.tool.version, informationUri: 'https://github.com/agent-xray/agent-xray',
        rules: ruleList.map((m) => ({
          id: m.id, name: m.id, shortDescription: { text: m.description }, fullDescription: { text: m.description },
          helpUri: `${DOCS}${m.id}.md`, help: { text: `${m.description} See ${DOCS}${m.id}.md` },
          defaultConfiguration: { level: ruleLevel(m) },
          properties: { tags: ['security', m.category], 'security-severity': SECURITY_SEVERITY[m.severity] },
        })).concat(report.policy ? [{
          id: 'policy', name: 'policy', shortDescription: { text: 'An agent breaks the team policy (.agent-xray.json).' }, fullDescription: { text: 'An agent breaks the team policy: denied version, failing verdict without a live allow, expired allow, or a required agent missing.' },
          helpUri: 'https://github.com/agent-xray/agent-xray#team-policy', help: { text: 'See the README, "Team policy".' }, defaultConfiguration: { level: 'error' as const },
          properties: { tags: ['security', 'policy'], 'security-severity': '7.5' },
        }] : []),
      } },
      artifacts: artifactList,
      results,
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
