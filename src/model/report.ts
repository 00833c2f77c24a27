// The scan report: targets, agents, verdicts, sends, policy violations. Data only; imports nothing from src/ but the model.
import type { Finding, Place, Verdict } from './findings';

/** How an agent was found. */
export type AgentKind = 'extension' | 'cli' | 'workspace dependency' | 'mcp server';

export type TargetKind = 'file' | 'package' | 'folder';

export interface AgentInfo {
  id: string;
  name: string;
  version: string;
  /** Set for discovered agents. */
  kind?: AgentKind;
  vendor?: string;
  /** In the catalog of known agents; otherwise found by the heuristic in `why`. */
  known?: boolean;
  why?: string;
}

/**
 * One entry of an agent's "sends" inventory: an environment fact it sends
 * visibly (the gateway in API telemetry, the host name as a device name).
 * Not a warning; `--fail-on sends` and a policy's `failOn: "sends"` act on it.
 */
export interface Send extends Place {
  /** What is sent: "time zone", "locale", "API gateway", "proxy", "host identity". */
  what: string[];
  /** How: in a telemetry event, or in a network request. */
  how: 'telemetry' | 'request';
  /** The event's name, for telemetry. */
  event?: string;
  /** The fields that carry it (`props.locale`, `body.display_name`). */
  fields: string[];
}

/** A finding that is a visible send (severity info, evidence.send). */
export function isSend(f: Finding): boolean {
  return f.severity === 'info' && typeof f.evidence.send === 'object' && f.evidence.send !== null;
}

export interface Coverage {
  /** Bytes of JavaScript analysed. */
  read: number;
  /** Bytes of the target's files on disk. */
  onDisk: number;
  /** read: the program's JavaScript was analysed; native: the program is native code; absent: it is not installed; unreadable: it could not be read. */
  program: 'read' | 'native' | 'absent' | 'unreadable';
  /** Why the program was not read, naming the file or package. */
  detail?: string;
}

export interface Violation {
  /** The agent concerned, or null for a policy-wide problem. */
  agent: string | null;
  rule: 'verdict' | 'deny' | 'require' | 'expired';
  message: string;
  /** Line in the policy file of the entry concerned (1-based), when one is. */
  policyLine?: number;
  target?: string;
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
  /** Environment facts the agent sends visibly (not warnings; see Send). */
  sends?: Send[];
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
  version: 2;
  tool: { name: 'agent-xray'; version: string };
  targets: TargetResult[];
  /** The targets were discovered (`scan` without paths). */
  discovered?: boolean;
  /** Places discovery skipped, with the reason. */
  skipped?: string[];
  /** Set with --policy: what the team's policy says of these results. */
  policy?: { file: string; failOn: string; violations: Violation[] };
}
