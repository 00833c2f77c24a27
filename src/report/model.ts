// Functions over the report model (src/model/report.ts): the sends inventory.
import { placeKey, placeOf, type Finding } from '../model/findings';
import { isSend, type Send } from '../model/report';

export type { AgentInfo, AgentKind, Coverage, ScanReport, Send, TargetKind, TargetResult, Violation } from '../model/report';
export { isSend } from '../model/report';

/** Splits the sends inventory out of a target's findings. */
export function splitSends(all: Finding[]): { findings: Finding[]; sends: Send[] } {
  const findings: Finding[] = [];
  const sends: Send[] = [];
  const seen = new Set<string>();
  for (const f of all) {
    if (!isSend(f)) { findings.push(f); continue; }
    const s = f.evidence.send as { what: string[]; where: 'telemetry' | 'request'; event?: string; fields: string[] };
    const key = placeKey(f);
    if (seen.has(key)) continue;
    seen.add(key);
    sends.push({ what: s.what, how: s.where, ...(s.event ? { event: s.event } : {}), fields: s.fields, ...placeOf(f) });
  }
  return { findings, sends };
}

/** Sends that say the same thing (what, how, which event and fields) from several places, counted once each. */
export function groupSends(sends: Send[]): Array<{ send: Send; count: number }> {
  const groups = new Map<string, { send: Send; count: number }>();
  for (const s of sends) {
    const key = describeSend(s);
    const g = groups.get(key);
    if (g) g.count++; else groups.set(key, { send: s, count: 1 });
  }
  return [...groups.values()];
}

/** One line for a send: "locale in telemetry event "voice_started" (props.lang)". */
export function describeSend(s: Send): string {
  return `${s.what.join(' / ')} in ${s.how === 'telemetry' ? `telemetry event "${s.event}"` : 'a network request'} (${s.fields.join(', ')})`;
}
