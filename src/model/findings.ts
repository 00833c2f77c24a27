// Findings, evidence and verdicts: the data every layer shares. Imports nothing from src/.

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type Verdict = 'untrusted' | 'review' | 'trusted' | 'unscannable';

/** One step of an evidence chain: where a fingerprint is read, compared, or used. */
export interface EvidenceStep {
  role: 'source' | 'comparison' | 'table' | 'channel' | 'sink';
  label: string;
  line: number;
  column: number;
}

/**
 * Where something was found. `file` is always a file on disk; code inside an
 * executable or archive is its `member`, and code the agent decodes from a
 * string at run time is `decoded`, with line and column counted in that text.
 */
export interface Place {
  /** The file on disk: the script, or the executable or archive that holds the module. */
  file: string;
  /** The module inside `file` (`/$bunfs/root/cli.js`, `extension/out/main.js`); containers inside containers are joined by "!", outermost first. */
  member?: string;
  /** In code decoded from a string at run time (line and column count in the decoded text). */
  decoded?: true;
  line: number;
  column: number;
}

/** A place as a person reads it: `member:line:column` inside a container, else `file:line:column` (the file left out when it is `omitFile`). */
export function placeLabel(p: Place, omitFile?: string): string {
  const at = p.member ?? (p.file === omitFile ? '' : p.file);
  return `${at ? `${at}:` : ''}${p.line}:${p.column}${p.decoded ? ' (in code decoded at run time)' : ''}`;
}

/** Whether line and column are the file's own (not a member's, not decoded text's). */
export function inOwnFile(p: Place): boolean {
  return p.member === undefined && !p.decoded;
}

/** A key for a position in a place's text (its own by default): equal keys, same text and position. */
export function placeKey(p: Place, line = p.line, column = p.column): string {
  return [p.file, p.member ?? '', p.decoded ? 'decoded' : '', line, column].join('\0');
}

/** The file too, before the member: "/opt/claude, /$bunfs/root/cli.js:3:5". */
export function fullPlaceLabel(p: Place): string {
  return p.member !== undefined ? `${p.file}, ${placeLabel(p)}` : placeLabel(p);
}

/** Only the place's own fields (for the JSON), `member` and `decoded` where they apply. */
export function placeOf(p: Place): Place {
  return { file: p.file, ...(p.member !== undefined ? { member: p.member } : {}), ...(p.decoded ? { decoded: true as const } : {}), line: p.line, column: p.column };
}

export interface Finding extends Place {
  ruleId: string;
  severity: Severity;
  /** One sentence a developer understands without knowing the rule ("Changes the apostrophe in its prompt when your time zone is Asia/Shanghai"). */
  summary: string;
  /** The technical message: what the rule found, with its constants and sink. */
  message: string;
  endLine: number;
  endColumn: number;
  /** Rule-specific facts (decoded entries, characters, sources) and the chain. */
  evidence: { chain: EvidenceStep[]; [key: string]: unknown };
  /** Offsets in the scanned text: the code to show (enclosing function) and the flagged node; not in the JSON output. */
  excerpt?: { start: number; end: number; nodeStart: number; nodeEnd: number };
}

export function severityRank(s: Severity): number {
  return SEVERITY_ORDER.indexOf(s);
}

/** untrusted: any critical; review: high or medium; trusted: nothing above low. */
export function verdictOf(findings: Finding[], unscannable?: string): Verdict {
  if (findings.some((f) => f.severity === 'critical')) return 'untrusted';
  if (findings.some((f) => f.severity === 'high' || f.severity === 'medium')) return 'review';
  return unscannable ? 'unscannable' : 'trusted';
}
