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

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** One sentence a developer understands without knowing the rule ("Changes the apostrophe in its prompt when your time zone is Asia/Shanghai"). */
  summary: string;
  /** The technical message: what the rule found, with its constants and sink. */
  message: string;
  /** The file or embedded module the finding is in. */
  file: string;
  line: number;
  column: number;
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
