// The rule interface (like ESLint's): meta plus create(context) returning visitors.
import type { Node } from './ast';
import type { Analysis, Flow } from './analysis';
import type { EvidenceStep, Finding, Severity } from './types';
import type { Visitor } from './walk';

export interface RuleMeta {
  id: string;
  description: string;
  severity: Severity;
  /** CWE-style category, e.g. "CWE-506: Embedded Malicious Code". */
  category: string;
  messages: Record<string, string>;
}

export interface Report {
  node: Node;
  messageId: string;
  data?: Record<string, string | number>;
  severity?: Severity;
  evidence?: Record<string, unknown>;
  chain?: EvidenceStep[];
  /** The fingerprint flow behind the finding; one that only other modules' values reach waits for the linker. */
  flow?: Flow;
}

export interface RuleContext {
  analysis: Analysis;
  report(r: Report): void;
  /** The evidence chain of a flow: where its sources are read and compared. */
  chain(flow: Flow): EvidenceStep[];
  step(role: EvidenceStep['role'], label: string, node: Node): EvidenceStep;
  /** Notes a site that is not reported for these kinds but could be for what other modules' inputs in the flow hold. */
  reaches(flow: Flow): void;
  /** Scans decoded code found inside the file (bounded depth). */
  scanNested(text: string): Finding[];
}

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): Record<string, Visitor>;
}
