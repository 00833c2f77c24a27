// What the editor shows: the agents found, their results as they arrive, and
// the scan's progress. Views subscribe to changes.
import * as vscode from 'vscode';
import type { DiscoveredAgent } from '../discovery/discover';
import type { Verdict } from '../engine/types';
import type { Violation } from '../policy/policy';
import type { TargetResult } from '../report/model';
import { allowed, type Settings } from './settings';

export interface Progress { index: number; total: number; name: string }

export interface ReportState {
  phase: 'idle' | 'scanning' | 'done' | 'cancelled' | 'failed';
  agents: DiscoveredAgent[];
  /** By agent index; undefined until scanned. */
  results: Array<TargetResult | undefined>;
  skipped: string[];
  progress?: Progress;
  /** When the shown results were produced (a cached report shows its age). */
  finishedAt?: number;
  fromCache?: boolean;
  /** The workspace's committed policies (.agent-xray.json): violations, or why a file could not be read. */
  policies: Array<{ file: string; violations: Violation[]; error?: string }>;
}

export type ShownVerdict = Verdict | 'allowed';

export class State {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  value: ReportState = { phase: 'idle', agents: [], results: [], skipped: [], policies: [] };

  constructor(public settings: Settings) {}

  set(next: Partial<ReportState>): void {
    this.value = { ...this.value, ...next };
    this.emitter.fire();
  }

  /** The verdict to show: an allowlisted exact version shows as allowed, never hides its findings. */
  verdictOf(r: TargetResult): ShownVerdict {
    if ((r.verdict === 'untrusted' || r.verdict === 'review') && allowed(this.settings, r.agent?.id, r.agent?.version)) return 'allowed';
    return r.verdict;
  }

  results(): TargetResult[] {
    return this.value.results.filter((r): r is TargetResult => !!r);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export function agentLabel(r: TargetResult): string {
  return r.agent ? `${r.agent.name}${r.agent.version ? ` ${r.agent.version}` : ''}` : r.path;
}
