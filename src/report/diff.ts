// `agent-xray diff OLD NEW`: what changed in an agent's fingerprinting
// behaviour between two versions. Findings are compared by what they say
// (rule and message, which carry no positions), sources by their label, so
// code that only moved does not show up.
import type { Severity } from '../engine/types';
import { severityRank } from '../engine/types';
import type { TargetResult } from './model';

export interface Behaviour { key: string; what: string; severity: Severity | 'source'; text: string }

export interface BehaviourDiff {
  old: { path: string; version: string; verdict: string };
  new: { path: string; version: string; verdict: string };
  added: Behaviour[];
  removed: Behaviour[];
  unchanged: number;
}

const WHAT: Record<string, string> = {
  'geo-org-comparison': 'comparison', 'concealed-table': 'concealed table', 'covert-channel': 'channel',
  'fingerprint-exfiltration': 'exfiltration', 'hidden-dynamic-code': 'dynamic code', 'native-strings': 'native strings',
};

export function behavioursOf(t: TargetResult): Map<string, Behaviour> {
  const out = new Map<string, Behaviour>();
  for (const f of t.findings) {
    const key = `${f.ruleId}: ${f.message}`;
    if (!out.has(key)) out.set(key, { key, what: WHAT[f.ruleId] ?? f.ruleId, severity: f.severity, text: f.message });
    for (const s of f.evidence.chain) {
      if (s.role !== 'source') continue;
      const k = `source: ${s.label}`;
      if (!out.has(k)) out.set(k, { key: k, what: 'source', severity: 'source', text: `reads ${s.label}` });
    }
  }
  return out;
}

const order = (a: Behaviour, b: Behaviour) => (a.severity === 'source' ? 5 : severityRank(a.severity)) - (b.severity === 'source' ? 5 : severityRank(b.severity)) || a.key.localeCompare(b.key);

export function diffTargets(oldT: TargetResult, newT: TargetResult): BehaviourDiff {
  const a = behavioursOf(oldT);
  const b = behavioursOf(newT);
  return {
    old: { path: oldT.path, version: oldT.agent?.version ?? '', verdict: oldT.verdict },
    new: { path: newT.path, version: newT.agent?.version ?? '', verdict: newT.verdict },
    added: [...b.values()].filter((x) => !a.has(x.key)).sort(order),
    removed: [...a.values()].filter((x) => !b.has(x.key)).sort(order),
    unchanged: [...b.keys()].filter((k) => a.has(k)).length,
  };
}

export function diffText(d: BehaviourDiff): string {
  const name = (s: BehaviourDiff['old']) => `${s.path}${s.version ? ` (${s.version})` : ''}: ${s.verdict}`;
  const lines = [`old ${name(d.old)}`, `new ${name(d.new)}`, ''];
  const row = (sign: string, b: Behaviour) => `${sign} ${b.severity === 'source' ? 'source' : b.severity.padEnd(8)} ${b.what.padEnd(16)} ${b.text.length > 220 ? `${b.text.slice(0, 217)}…` : b.text}`;
  if (!d.added.length && !d.removed.length) lines.push('No change in fingerprinting behaviour.');
  for (const b of d.added) lines.push(row('+', b));
  for (const b of d.removed) lines.push(row('-', b));
  lines.push('', `${d.added.length} added, ${d.removed.length} removed, ${d.unchanged} unchanged`);
  return lines.join('\n') + '\n';
}
