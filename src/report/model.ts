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

/**
 * One entry of an agent's "sends" inventory: an environment fact it sends
 * visibly (the gateway in API telemetry, the host name as a device name).
 * Not a warning; `--fail-on sends` and a policy's `failOn: "sends"` act on it.
 */
export interface Send {
  /** What is sent: "time zone", "locale", "API gateway", "proxy", "host identity". */
  what: string[];
  /** How: in a telemetry event, or in a network request. */
  how: 'telemetry' | 'request';
  /** The event's name, for telemetry. */
  event?: string;
  /** The fields that carry it (`props.locale`, `body.display_name`). */
  fields: string[];
  file: string;
  line: number;
  column: number;
}

/** A finding that is a visible send (severity info, evidence.send). */
export function isSend(f: Finding): boolean {
  return f.severity === 'info' && typeof f.evidence.send === 'object' && f.evidence.send !== null;
}

/** Splits the sends inventory out of a target's findings. */
export function splitSends(all: Finding[]): { findings: Finding[]; sends: Send[] } {
  const findings: Finding[] = [];
  const sends: Send[] = [];
  const seen = new Set<string>();
  for (const f of all) {
    if (!isSend(f)) { findings.push(f); continue; }
    const s = f.evidence.send as { what: string[]; where: 'telemetry' | 'request'; event?: string; fields: string[] };
    const key = `${f.file}:${f.line}:${f.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sends.push({ what: s.what, how: s.where, ...(s.event ? { event: s.event } : {}), fields: s.fields, file: f.file, line: f.line, column: f.column });
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
