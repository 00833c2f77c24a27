// The rule interface (like ESLint's): meta plus create(context) returning visitors.
// Rules are declared with createRule, which types their message ids: a report
// with an id the rule's `messages` do not have does not compile.
import type { Node } from './ast';
import type { Facts, Flow } from './analysis';
import type { EvidenceStep, Finding, Severity } from './types';
import type { Visitor } from './walk';

export interface RuleMeta<MessageIds extends string = string> {
  id: string;
  description: string;
  severity: Severity;
  /** CWE-style category, e.g. "CWE-506: Embedded Malicious Code". */
  category: string;
  messages: Record<MessageIds, string>;
}

export interface Report<MessageIds extends string = string> {
  node: Node;
  messageId: MessageIds;
  data?: Record<string, string | number>;
  /** The finding in plain words for people who do not know the rule (see Finding.summary). */
  summary: string;
  severity?: Severity;
  evidence?: Record<string, unknown>;
  chain?: EvidenceStep[];
  /** The fingerprint flow behind the finding; one that only other modules' values reach waits for the linker. */
  flow?: Flow;
}

export interface RuleContext<MessageIds extends string = string> {
  /** The module's facts, read-only. */
  analysis: Facts;
  report(r: Report<MessageIds>): void;
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

/** Declares a rule; its message ids are the keys of `meta.messages`. */
export function createRule<MessageIds extends string>(rule: {
  meta: RuleMeta<MessageIds>;
  create(context: RuleContext<MessageIds>): Record<string, Visitor>;
}): Rule {
  return rule as unknown as Rule;
}
