// Findings grouped as a person reads them: one entry per mechanism. A covert
// channel (or a sent place check, or a concealed list) leads; the comparisons
// and concealed lists its condition was compared with join it as parts, and so
// do other channels that change the same outgoing data (the same sink); and
// findings that say the same thing from several places fold into one entry
// with every location.
import { placeKey, severityRank, type EvidenceStep, type Finding } from '../model/findings';

export interface FindingGroup {
  /** The finding that names the mechanism (the most severe of its kind). */
  lead: Finding;
  /** The same finding again elsewhere (same rule, severity and summary). */
  repeats: Finding[];
  /** The comparisons and concealed lists the lead's condition was compared with, and channels into the same sink. */
  parts: Finding[];
}

/** Where a finding's chain has steps of one role. */
function stepsAt(f: Finding, role: EvidenceStep['role']): string[] {
  return f.evidence.chain.filter((s) => s.role === role).map((s) => placeKey(f, s.line, s.column));
}

/** Where a finding compares: its own position for a comparison, its chain's comparison steps otherwise. */
function comparedAt(f: Finding): string[] {
  const steps = stepsAt(f, 'comparison');
  return f.ruleId === 'geo-org-comparison' ? [placeKey(f), ...steps] : steps;
}

/** Findings that steer or carry something: they lead a mechanism. */
const LEADS = ['covert-channel', 'fingerprint-exfiltration', 'hidden-dynamic-code', 'concealed-table'];

/** Groups one agent's findings, most severe first; every finding appears in exactly one group. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const sorted = [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || LEADS.indexOf(b.ruleId) - LEADS.indexOf(a.ruleId));
  const claimed = new Set<Finding>();
  const groups: FindingGroup[] = [];
  // Leads in order: channels first, so a concealed list compared in a channel's condition is its part.
  for (const rule of LEADS) {
    for (const lead of sorted) {
      if (lead.ruleId !== rule || claimed.has(lead) || lead.severity === 'info') continue;
      const places = new Set(stepsAt(lead, 'comparison'));
      if (!places.size && rule !== 'concealed-table') continue;
      claimed.add(lead);
      const parts = sorted.filter((f) => f !== lead && !claimed.has(f) && f.ruleId !== lead.ruleId && (f.ruleId === 'geo-org-comparison' || f.ruleId === 'concealed-table') && comparedAt(f).some((p) => places.has(p)));
      for (const p of parts) claimed.add(p);
      groups.push({ lead, repeats: [], parts });
    }
  }
  // Channels that change the same outgoing data (one sink) are one mechanism: the first leads, the others are its parts.
  const sinkOf = (f: Finding): string | undefined => stepsAt(f, 'sink')[0];
  for (let i = 0; i < groups.length; i++) {
    const sink = groups[i].lead.ruleId === 'covert-channel' ? sinkOf(groups[i].lead) : undefined;
    if (!sink) continue;
    for (let j = groups.length - 1; j > i; j--) {
      const other = groups[j];
      if (other.lead.ruleId !== 'covert-channel' || other.lead.severity !== groups[i].lead.severity || sinkOf(other.lead) !== sink) continue;
      groups[i].parts.push(other.lead, ...other.parts);
      groups.splice(j, 1);
    }
  }
  // The rest: one entry per distinct statement, with every place it was found.
  const byStatement = new Map<string, FindingGroup>();
  for (const f of sorted) {
    if (claimed.has(f)) continue;
    const key = `${f.ruleId}\0${f.severity}\0${f.summary}`;
    const g = byStatement.get(key);
    if (g) g.repeats.push(f);
    else {
      const group = { lead: f, repeats: [], parts: [] };
      byStatement.set(key, group);
      groups.push(group);
    }
  }
  return groups.sort((a, b) => severityRank(a.lead.severity) - severityRank(b.lead.severity));
}
