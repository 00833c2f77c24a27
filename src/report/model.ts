// The report model shared by the CLI, the formats and (later) the editor.
import type { Coverage } from '../artifacts/coverage';
import type { Finding, Verdict } from '../engine/types';
import type { Violation } from '../policy/policy';

export type TargetKind = 'file' | 'package' | 'folder';

export interface AgentInfo {
  id: string;
  name: string;
  version: string;
  /** Set for discovered agents. */
  kind?: 'extension' | 'cli' | 'workspace dependency' | 'mcp server';
  vendor?: string;
  /** In the catalog of known agents; otherwise found by the heuristic in `why`. */
  known?: boolean;
  why?: string;
}

export interface TargetResult {
  path: string;
  kind: TargetKind;
  agent: AgentInfo | null;
  verdict: Verdict;
  /** Bytes of JavaScript analysed. */
  bytes: number;
  ms: number;
  findings: Finding[];
  /** What was not analysed, and why (a file that could not be read, a syntax error recovered from). */
  notAnalysed: string[];
  /** Digest of the JavaScript analysed: SHA-256 over the sorted SHA-256s of its texts (what a policy's `sha256` allows). */
  sha256?: string;
  /** For discovered agents: every route that led to this target. */
  foundAt?: string[];
  /** Number of files the target consisted of. */
  files: number;
  /** What those files were, by kind ("JavaScript file", "Bun module (JavaScript)", "native code (ELF)", ...). */
  contents: Record<string, { count: number; bytes: number }>;
  /** What was read against what is on disk, and whether that was the program; `unscannable` when it was not. */
  coverage?: Coverage;
}

export interface ScanReport {
  version: 1;
  tool: { name: 'agent-xray'; version: string };
  targets: TargetResult[];
  /** The targets were discovered (`scan` without paths). */
  discovered?: boolean;
  /** Places discovery skipped, with the reason. */
  skipped?: string[];
  /** Set with --policy: what the team's policy says of these results. */
  policy?: { file: string; failOn: string; violations: Violation[] };
}
