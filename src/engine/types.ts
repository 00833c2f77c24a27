// The engine's result types; the shared finding types live in src/model.
import type { Finding } from '../model/findings';
import type { ModuleSummary } from './modules';

export { SEVERITY_ORDER, severityRank, verdictOf, type EvidenceStep, type Finding, type Severity, type Verdict } from '../model/findings';

export interface FileResult {
  file: string;
  bytes: number;
  ms: number;
  findings: Finding[];
  /** Parts that were not analysed, with the reason. */
  notAnalysed: string[];
  /** Set when nothing could be analysed. */
  error?: string;
  /** SHA-256 of the text as read (set by the CLI's file scanning). */
  sha256?: string;
  /** What the module takes from and gives to other modules of its program (see engine/modules.ts). */
  summary?: ModuleSummary;
  /** Where the time went, in ms (for the benchmark). */
  timings?: { parse: number; walk: number; rules: number };
}
