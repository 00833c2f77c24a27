// Text output for people: a verdict per target and the evidence behind it.
import { shortList } from '../engine/evidence';
import { placeLabel, type Finding, type Severity, type Verdict } from '../model/findings';
import { describeSend, groupSends, type ScanReport, type TargetResult } from './model';

export interface TextOptions { color: boolean; verbose?: boolean }

const CODES = { red: 31, yellow: 33, green: 32, gray: 90, bold: 1, cyan: 36 } as const;
type Color = keyof typeof CODES;

const VERDICT_COLOR: Record<Verdict, Color> = { untrusted: 'red', review: 'yellow', trusted: 'green', unscannable: 'gray' };
const SEVERITY_COLOR: Record<Severity, Color> = { critical: 'red', high: 'red', medium: 'yellow', low: 'gray', info: 'gray' };

function megabytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}

/** Control characters from scanned input (a parser's "Unexpected character '\\0'") are shown escaped, never sent to the terminal. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function toText(report: ScanReport, options: TextOptions): string {
  const paint = (c: Color, s: string) => (options.color ? `\x1b[${CODES[c]}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  if (!report.targets.length) return report.discovered ? 'No agents found on this machine or in the workspace; nothing to scan.\n' : 'No targets to scan.\n';
  for (const t of report.targets) {
    const name = t.agent ? `${t.agent.name}@${t.agent.version}` : t.path;
    lines.push(`${paint(VERDICT_COLOR[t.verdict], paint('bold', t.verdict.toUpperCase()))}  ${paint('bold', name)}${t.agent ? `  ${paint('gray', t.path)}` : ''}`);
    const onDisk = t.coverage ? ` of ${megabytes(t.coverage.onDisk)} on disk` : '';
    lines.push(paint('gray', `  ${t.kind}, ${t.files} file${t.files === 1 ? '' : 's'}, ${megabytes(t.bytes)} of JavaScript analysed${onDisk} in ${(t.ms / 1000).toFixed(1)} s`));
    // Some JavaScript was read, but not the program: the first reason says why, on a line of its own.
    const unread = t.verdict === 'unscannable' && t.coverage && t.coverage.program !== 'read' && t.coverage.read > 0;
    if (unread) lines.push(paint('yellow', paint('bold', `  program not read: ${printable(t.notAnalysed[0])}`)));
    if (t.foundAt?.length) {
      const more = t.foundAt.length > 1 ? ` (and ${t.foundAt.length - 1} more route${t.foundAt.length > 2 ? 's' : ''})` : '';
      lines.push(paint('gray', `  ${t.agent?.kind ?? 'agent'}${t.agent?.known === false ? ` not in the catalog (${t.agent.why ?? 'heuristic'})` : ''}, found via ${t.foundAt[0]}${more}`));
    }
    const parts = Object.entries(t.contents ?? {});
    if (parts.length > 1 || options.verbose) lines.push(paint('gray', `  consists of: ${parts.map(([k, v]) => `${v.count} ${k} (${megabytes(v.bytes)})`).join(', ')}`));
    const shown = t.findings.filter((f) => options.verbose || f.severity !== 'low' && f.severity !== 'info');
    for (const f of shown) lines.push(...finding(f, t, paint));
    const hidden = t.findings.length - shown.length;
    if (hidden) lines.push(paint('gray', `  (${hidden} low-severity finding${hidden === 1 ? '' : 's'} not shown; --verbose shows them)`));
    // The "sends" inventory: environment facts sent visibly, not warnings.
    const sends = groupSends(t.sends ?? []);
    for (const { send: s, count } of options.verbose ? sends : sends.slice(0, 5)) {
      lines.push(paint('gray', `  sends    ${describeSend(s)}  ${placeLabel(s, t.path)}${count > 1 ? ` and ${count - 1} more place${count > 2 ? 's' : ''}` : ''}`));
    }
    if (!options.verbose && sends.length > 5) lines.push(paint('gray', `  (${sends.length - 5} more kinds of sends; --verbose lists them)`));
    for (const n of unread ? t.notAnalysed.slice(1) : t.notAnalysed) lines.push(paint('yellow', `  not analysed: ${printable(n)}`));
    lines.push('');
  }
  if (report.skipped?.length) {
    if (options.verbose) lines.push(...report.skipped.map((s) => paint('gray', `skipped while discovering: ${s}`)));
    else lines.push(paint('gray', `(discovery skipped ${report.skipped.length} place${report.skipped.length === 1 ? '' : 's'} it could not read; --verbose lists them)`));
  }
  if (report.policy) {
    const v = report.policy.violations;
    lines.push(paint(v.length ? 'red' : 'green', paint('bold', v.length ? `POLICY  ${v.length} violation${v.length === 1 ? '' : 's'} of ${report.policy.file}` : `POLICY  no violations of ${report.policy.file}`)));
    for (const x of v) lines.push(`  ${x.rule.padEnd(8)} ${x.message}${x.policyLine ? paint('gray', `  (policy line ${x.policyLine})`) : ''}`);
    lines.push('');
  }
  const counts = new Map<Verdict, number>();
  for (const t of report.targets) counts.set(t.verdict, (counts.get(t.verdict) ?? 0) + 1);
  lines.push([...counts].map(([v, n]) => paint(VERDICT_COLOR[v], `${n} ${v}`)).join(', '));
  return lines.join('\n') + '\n';
}

function finding(f: Finding, t: TargetResult, paint: (c: Color, s: string) => string): string[] {
  const where = placeLabel(f, t.path);
  const out = [`  ${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(8))} ${paint('cyan', f.ruleId)} ${paint('gray', where)}`, ...(f.summary ? [`           ${paint('bold', f.summary)}`] : []), `           ${f.message}`];
  const entries = f.evidence.entries as string[] | undefined;
  if (entries && entries.length > 8) out.push(paint('gray', `           decoded (${entries.length}): ${shortList(entries, 20)}`));
  for (const s of f.evidence.chain) out.push(paint('gray', `           ${s.role.padEnd(10)} ${s.label}  (${s.line}:${s.column})`));
  return out;
}
